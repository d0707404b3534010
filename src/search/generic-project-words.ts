import { fileURLToPath } from 'node:url';
import { normalizeLabel } from '../project-catalogue.ts';
import { loadWordLists } from './load-word-list.ts';

export const GENERIC_PROJECT_WORDS_FILE = fileURLToPath(new URL('../data/generic-project-words.json', import.meta.url));

/**
 * Project words that are also common technical terms (`rpc`, `registry`, `mesh`), normalized
 * (`normalizeLabel`): alone they name a topic, not a project (`src/data/generic-project-words.json`).
 */
export const GENERIC_PROJECT_WORDS: ReadonlySet<string> = new Set((loadWordLists(GENERIC_PROJECT_WORDS_FILE).words ?? []).map(normalizeLabel));
