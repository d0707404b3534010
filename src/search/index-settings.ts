import type { Settings } from 'meilisearch';

/**
 * Search settings of the Q/A index: the single place to tune relevance.
 * Applied to every freshly built index before its documents are added (so documents are
 * indexed once), and part of the reindex fingerprint (a change here triggers a rebuild).
 */

/** Text fields, in ranking order for the `attribute` rule: a hit in the question counts most. */
export const SEARCHABLE_ATTRIBUTES = ['question', 'context', 'answer', 'title', 'asker', 'projects'] as const;

/**
 * Fields the API may filter on (allow-list the API's filter builder should use too).
 * `id`: the API's search-only key looks one record up with a filter on it (`GET /api/qa/:id`).
 */
export const FILTERABLE_ATTRIBUTES = ['projects', 'year', 'dateTs', 'asker', 'issue', 'followup', 'id', 'kind', 'lang'] as const;

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

/** Every field returned with a hit (all of `SearchDocument`). */
export const DISPLAYED_ATTRIBUTES = [
  'id', 'question', 'answer', 'answerHtml', 'asker', 'issue', 'projects', 'followup',
  'thread', 'turn', 'context', 'date', 'dateTs', 'year', 'title', 'source', 'url',
  'issueUrl', 'projectSource', 'projectConfidence', 'kind', 'lang',
] as const;

/** Fields written in Chinese (with English terms mixed in): segmented as Mandarin. */
export const CHINESE_ATTRIBUTES = ['question', 'context', 'answer', 'title'] as const;

export interface IndexSettingsOptions {
  /** Canonical project name -> words users type for it, e.g. `{ SOFAJRaft: ['jraft', 'raft'] }`. */
  projectSynonyms?: Record<string, string[]>;
}

/**
 * Multi-way synonyms: a project name and each of its words all stand for each other.
 * Keys are lower-cased (Meilisearch matches synonyms case-insensitively); a word listed for
 * two projects points to both.
 *
 * @see https://www.meilisearch.com/docs/learn/relevancy/synonyms
 */
export function getSynonyms(projectSynonyms: Record<string, string[]>): Record<string, string[]> {
  const groups = new Map<string, Set<string>>();
  for (const [name, words] of Object.entries(projectSynonyms)) {
    const group = [name, ...words].map((w) => w.trim().toLowerCase()).filter(Boolean);
    for (const term of group) {
      const others = groups.get(term) ?? new Set<string>();
      for (const other of group) if (other !== term) others.add(other);
      groups.set(term, others);
    }
  }
  const synonyms: Record<string, string[]> = {};
  for (const term of [...groups.keys()].sort()) {
    const others = [...(groups.get(term) ?? [])].sort();
    if (others.length) synonyms[term] = others;
  }
  return synonyms;
}

/**
 * First settings of the Q/A index (relevance tuning happens here).
 *
 * @see https://www.meilisearch.com/docs/reference/api/settings
 */
export function getIndexSettings(options: IndexSettingsOptions = {}): Settings {
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
    },
    synonyms: getSynonyms(options.projectSynonyms ?? {}),
  };
}
