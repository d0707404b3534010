import type { ApiRecord } from './api-record.ts';

/** Counts per facet value: `{ projects: { MOSN: 12 }, years: { "2021": 40 }, kinds: { weekly: 700, faq: 54 } }`. */
export interface FacetCounts {
  projects: Record<string, number>;
  years: Record<string, number>;
  kinds: Record<string, number>;
}

/** Another post holding the same question and answer as a hit (`SearchHit.alsoIn`). */
export interface PairCopy {
  /** The copy's record id (`GET /api/qa/:id`). */
  id: string;
  /** The post's public page. */
  url: string;
  /** The post's date, YYYY-MM-DD (null for an undated FAQ page). */
  date: string | null;
  /** The post's title. */
  title: string;
}

export interface SearchHit extends ApiRecord {
  /** Matched words in `<mark>`, everything else HTML-escaped: safe to insert as HTML. */
  highlight: { question: string; answer: string };
  /** `strong`: the hit answers the query; `weak`: related at best (`src/search/decide-match.ts`). */
  match: 'strong' | 'weak';
  /** The evidence `match` was decided on, in [0, 1] (0 for a blank query's listing). */
  score: number;
  /**
   * The other posts where this same pair (the same question with the same answer, up to spaces,
   * punctuation, list numbers and word order) is among this search's results, in result order:
   * a weekly post reposts a question, or a whole thread, from an earlier one. With `copies=list`
   * (the default) every copy is a hit of its own and names the others; with `copies=fold` the
   * pair is listed once, at its best-ranked copy (in the requested sort, the first), which names
   * the others, and the others leave the hits, the totals and the facet counts. A question
   * reposted with another answer is another pair, never named here. Empty when there is no
   * other copy, and always for the empty query's listing (every record, by date).
   */
  alsoIn: PairCopy[];
}

/** The answer of `GET /api/search`, as the search core (`searchQa`) returns it and the route serialises it. */
export interface SearchResult {
  query: string;
  page: number;
  hitsPerPage: number;
  totalHits: number;
  totalPages: number;
  processingTimeMs: number;
  hits: SearchHit[];
  /** Counts for the query and its filters, except that each facet's own filter is left out of its counts. */
  facets: FacetCounts;
  /** Hits that answer the query (`match: "strong"`), all pages together. */
  strongHits: number;
  /** The project the query names (`jraft` -> SOFAJRaft), whose hits rank first; null when none. */
  detectedProject: string | null;
  /** Every project the query names, in query order. */
  detectedProjects: string[];
  /** What was searched for: `query`, or what identifies a pasted error in it. */
  searchedFor: string;
}

/**
 * The answer of `/api/search` as sent: the search core's result and the `project` filter as the
 * API read it, so a client that sent a name as written (`mosn`, `jraft`) learns its canonical
 * name (MOSN, SOFAJRaft) even when no record has it yet.
 */
export interface SearchAnswer extends SearchResult {
  /** The projects searched: each `project` parameter by its canonical name; empty: every project. */
  project: string[];
}

/** The answer of `GET /api/facets`: every value with its count over the whole index. */
export type FacetsResult = FacetCounts & { total: number };
