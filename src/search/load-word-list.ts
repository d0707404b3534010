import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DataFileError } from '../errors/data-file-error.ts';

/** A word list data file: `{ "$comment"?: "...", "<list>": ["word", ...], ... }`, each list of non-empty, trimmed words. */
const wordListSchema = z.record(
  z.string(),
  z.union([z.string(), z.array(z.string().trim().min(1, 'a word is not empty')).min(1, 'give at least one word')]),
);

/**
 * The word lists of a JSON data file (`src/data/`), validated: every key but `$comment` is a
 * list of words. Read once, at start.
 *
 * @throws {DataFileError} naming the file (and the list) when it is unreadable or malformed.
 */
export function loadWordLists(file: string): Record<string, string[]> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataFileError(file, null, code ? `cannot be read (${code})` : `not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const result = wordListSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new DataFileError(file, null, `${issue.path.map(String).join(' / ') || 'the file'}: ${issue.message}`, { cause: result.error });
  }
  const lists: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(result.data)) {
    if (key === '$comment') continue;
    if (typeof value === 'string') throw new DataFileError(file, null, `${key}: expected a list of words`);
    lists[key] = value;
  }
  return lists;
}
