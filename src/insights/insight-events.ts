/** Where a search came from. */
export const SEARCH_CLIENTS = ['page', 'widget', 'api'] as const;
export type SearchClient = (typeof SEARCH_CLIENTS)[number];

/** One recorded search; no IP address, no user agent, nothing that names a reader. */
export interface SearchEvent {
  kind: 'search';
  /** Unix milliseconds. */
  ts: number;
  /** Normalized (see `normalizeInsightQuery`); '' for browsing without words. */
  query: string;
  /** The filters given, as compact JSON (`{"projects":["MOSN"]}`), or null without any. */
  filters: string | null;
  hits: number;
  /** Hits the search judged strong answers; null when the search does not say. */
  strongHits: number | null;
  /** The project the search detected in the query, if any. */
  project: string | null;
  latencyMs: number;
  client: SearchClient;
  /** The host page's origin for the widget (`https://docs.example.com`), else null. */
  origin: string | null;
}

/** 👍/👎 on an opened answer; one per browser session and answer (a later vote replaces it). */
export interface FeedbackEvent {
  kind: 'feedback';
  ts: number;
  /** Hash of (browser session, record id): dedupes without linking a reader's votes together. */
  key: string;
  recordId: string;
  helpful: boolean;
  /** The (normalized) search that led to the answer, '' when opened directly. */
  query: string;
  client: SearchClient;
}

/** A click on a result: its 1-based position in the list and the query it answered. */
export interface ClickEvent {
  kind: 'click';
  ts: number;
  /** Hash of (browser session, query, record id): a double click counts once. */
  key: string;
  recordId: string;
  position: number;
  query: string;
  client: SearchClient;
}

export type InsightEvent = SearchEvent | FeedbackEvent | ClickEvent;
