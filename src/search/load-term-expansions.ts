import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadYamlDataFile } from '../parse-yaml-data.ts';

/**
 * The English -> Chinese domain terms (`src/data/term-expansions.yaml`), validated: keys are
 * lower-case English words or phrases, values non-empty lists of Chinese words. Read once at
 * start; anything malformed throws a `DataFileError` naming the file and the line.
 */

const HAN_WORD = /^[\p{Script=Han}A-Za-z0-9]*\p{Script=Han}[\p{Script=Han}A-Za-z0-9]*$/u;

export const termExpansionsSchema = z.record(
  z.string().regex(/^[a-z0-9][a-z0-9.+/-]*(?: [a-z0-9][a-z0-9.+/-]*)*$/, 'a key is a lower-case English word or phrase'),
  z.array(z.string().regex(HAN_WORD, 'an equivalent is a Chinese word')).min(1, 'give at least one Chinese equivalent'),
);

export type TermExpansions = z.output<typeof termExpansionsSchema>;

export const TERM_EXPANSIONS_FILE = fileURLToPath(new URL('../data/term-expansions.yaml', import.meta.url));

/** The term expansions of `file` (default: `src/data/term-expansions.yaml`). */
export function loadTermExpansions(file = TERM_EXPANSIONS_FILE): TermExpansions {
  return loadYamlDataFile(file, termExpansionsSchema);
}
