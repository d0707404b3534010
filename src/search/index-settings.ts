import type { Settings } from 'meilisearch';
import { buildSynonymGraph, linkGroups } from './build-synonym-graph.ts';
import { BIGRAM_ATTRIBUTES } from './relevance-document.ts';
import { getTermSynonymLinks } from './term-expansions.ts';

/**
 * Settings of the Q/A index: the single place to tune them, as the relevance measurements
 * support them (`scripts/relevance-report.md`) and `searchQa` relies on them. Applied to every
 * freshly built index before its documents are added (so documents are indexed once), and part
 * of the reindex fingerprint (a change here triggers a rebuild).
 */

/** Text fields searched by the word searches of `searchQa` (their ranking order is `SEARCHABLE_ATTRIBUTES`'). */
export const TEXT_ATTRIBUTES = ['question', 'answer', 'context', 'title', 'projects', 'asker'] as const;

/**
 * Every searchable field, in ranking order (the `attribute` rule, which makes the ranking score
 * of a one-term search prefer a match in the question): each text field followed by its bigram
 * field (`relevance-document.ts`), the question first and the thread's context after the
 * answer, so that a follow-up does not outrank the question it follows.
 */
export const SEARCHABLE_ATTRIBUTES = [
  'question', 'questionBigrams', 'answer', 'answerBigrams', 'context', 'contextBigrams', 'title', 'projects', 'asker',
] as const satisfies readonly ((typeof TEXT_ATTRIBUTES)[number] | (typeof BIGRAM_ATTRIBUTES)[number])[];

/** Fields highlighted by `searchQa` (plain text fields only, never `answerHtml`). */
export const HIGHLIGHT_ATTRIBUTES = ['question', 'context', 'answer'] as const;

/**
 * Fields the API may filter on (the allow-list of `build-filter.ts` is a subset).
 * `id`: a record is looked up, and the page's documents fetched, with a filter on it.
 */
export const FILTERABLE_ATTRIBUTES = ['projects', 'year', 'kind', 'lang', 'dateTs', 'asker', 'issue', 'followup', 'id'] as const;

export const SORTABLE_ATTRIBUTES = ['dateTs'] as const;

/**
 * Meilisearch's default ranking rules with `sort` moved up to right after `words`: a search
 * sorted by date (the API's `newest` / `oldest`) lists the documents matching the query's
 * words in date order, instead of sorting only the ties left by typo, proximity and
 * attribute. Without a `sort` parameter the rule does nothing, so relevance is unchanged.
 *
 * @see https://www.meilisearch.com/docs/learn/relevancy/ranking_rules
 */
export const RANKING_RULES = ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'] as const;

/**
 * Every field returned with a hit (the search document without the bigram fields). `copyKey` is
 * read by the term searches to list a pair posted twice once (`collapseCopies`); being listed
 * here also puts it in the reindex fingerprint, so an index built before it is rebuilt.
 */
export const DISPLAYED_ATTRIBUTES = [
  'id', 'kind', 'lang', 'question', 'answer', 'answerHtml', 'asker', 'issue', 'projects', 'projectMentions', 'followup',
  'thread', 'turn', 'context', 'date', 'dateTs', 'year', 'title', 'source', 'url',
  'issueUrl', 'projectSource', 'projectConfidence', 'copyKey',
] as const;

/** Fields written in Chinese (with English terms mixed in): segmented as Mandarin. */
export const CHINESE_ATTRIBUTES = ['question', 'context', 'answer', 'title'] as const;

/**
 * Project synonyms: a project name and each of its words all stand for each other (a word
 * listed for two projects points to both).
 */
export function getSynonyms(projectSynonyms: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  return buildSynonymGraph(linkGroups(Object.entries(projectSynonyms).map(([name, words]) => [name, ...words])));
}

/** Every synonym of the index: the project words (`getSynonyms`) and the English <-> Chinese glossary. */
export function getIndexSynonyms(projectSynonyms: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  return buildSynonymGraph([
    ...linkGroups(Object.entries(projectSynonyms).map(([name, words]) => [name, ...words])),
    ...getTermSynonymLinks(),
  ]);
}

/**
 * Settings of the Q/A index.
 *
 * @param projectSynonyms - canonical project name -> words users type for it
 *   (`getProjectSynonyms()`: `{ SOFAJRaft: ['jraft', 'raft'] }`)
 * @param overrides - settings to replace (for experiments)
 * @see https://www.meilisearch.com/docs/reference/api/settings
 */
export function getIndexSettings(projectSynonyms: Readonly<Record<string, readonly string[]>> = {}, overrides: Settings = {}): Settings {
  return {
    searchableAttributes: [...SEARCHABLE_ATTRIBUTES],
    filterableAttributes: [...FILTERABLE_ATTRIBUTES],
    sortableAttributes: [...SORTABLE_ATTRIBUTES],
    rankingRules: [...RANKING_RULES],
    displayedAttributes: [...DISPLAYED_ATTRIBUTES],
    faceting: { maxValuesPerFacet: 200 },
    localizedAttributes: [{ attributePatterns: [...CHINESE_ATTRIBUTES], locales: ['cmn'] }],
    typoTolerance: {
      enabled: true,
      // Chinese words are short and typos do not apply; keep Latin typos for real words only.
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      // Numbers (versions, issue numbers, ports) must match exactly.
      disableOnNumbers: true,
      // Bigram tokens are codes: a typo would match an unrelated bigram.
      disableOnAttributes: [...BIGRAM_ATTRIBUTES],
    },
    synonyms: getIndexSynonyms(projectSynonyms),
    ...overrides,
  };
}
