import type { Settings } from 'meilisearch';
import { getIndexSettings, getSynonyms } from './index-settings.ts';
import { BIGRAM_ATTRIBUTES } from './relevance-document.ts';
import { getTermSynonyms } from './term-expansions.ts';

/**
 * The index settings the relevance measurements support (see `scripts/relevance-report.md`):
 * the project's base settings (`getIndexSettings`: filters, sorting, displayed fields, Mandarin
 * segmentation, project synonyms) with the searchable fields, typo tolerance and synonyms that
 * `searchQa` relies on.
 */

/** Text fields searched by the word searches of `searchQa` (their ranking order is `RELEVANCE_SEARCHABLE_ATTRIBUTES`'). */
export const TEXT_ATTRIBUTES = ['question', 'answer', 'context', 'title', 'projects', 'asker'] as const;

/**
 * Every searchable field, in ranking order (the `attribute` rule, which makes the ranking score
 * of a one-term search prefer a match in the question): each text field followed by its bigram
 * field (`relevance-document.ts`), the question first and the thread's context after the
 * answer, so that a follow-up does not outrank the question it follows.
 */
export const RELEVANCE_SEARCHABLE_ATTRIBUTES = [
  'question', 'questionBigrams', 'answer', 'answerBigrams', 'context', 'contextBigrams', 'title', 'projects', 'asker',
] as const satisfies readonly ((typeof TEXT_ATTRIBUTES)[number] | (typeof BIGRAM_ATTRIBUTES)[number])[];

/** Fields highlighted in `_formatted` by `searchQa` (plain text fields only, never `answerHtml`). */
export const HIGHLIGHT_ATTRIBUTES = ['question', 'context', 'answer'] as const;

/**
 * Meilisearch synonyms: the project words (`getSynonyms`) merged with the English <-> Chinese
 * glossary (`getTermSynonyms`).
 */
export function getRelevanceSynonyms(projectSynonyms: Record<string, string[]>): Record<string, string[]> {
  const merged = new Map<string, Set<string>>();
  for (const source of [getSynonyms(projectSynonyms), getTermSynonyms()]) {
    for (const [term, others] of Object.entries(source)) {
      const set = merged.get(term) ?? new Set<string>();
      for (const other of others) set.add(other);
      merged.set(term, set);
    }
  }
  const synonyms: Record<string, string[]> = {};
  for (const term of [...merged.keys()].sort()) synonyms[term] = [...merged.get(term)!].sort();
  return synonyms;
}

/**
 * Settings of the Q/A index for `searchQa`.
 *
 * @param projectSynonyms - canonical project name -> words users type for it, as for
 *   `getIndexSettings` (e.g. from `PROJECTS`: `{ SOFAJRaft: ['jraft', 'raft'] }`)
 * @param overrides - settings to replace (for experiments)
 * @see https://www.meilisearch.com/docs/reference/api/settings
 */
export function getRelevanceSettings(projectSynonyms: Record<string, string[]>, overrides: Settings = {}): Settings {
  const base = getIndexSettings({ projectSynonyms });
  return {
    ...base,
    searchableAttributes: [...RELEVANCE_SEARCHABLE_ATTRIBUTES],
    // `searchQa` fetches documents found only by term searches by id.
    filterableAttributes: [...new Set([...(base.filterableAttributes ?? []), 'id'])],
    typoTolerance: {
      ...base.typoTolerance,
      enabled: true,
      // Bigram tokens are codes: a typo would match an unrelated bigram.
      disableOnAttributes: [...BIGRAM_ATTRIBUTES],
    },
    synonyms: getRelevanceSynonyms(projectSynonyms),
    ...overrides,
  };
}
