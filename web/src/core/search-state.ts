import { MAX_POST_QUERY_LENGTH } from '../../../src/contract/search-constants.ts';
import type { SearchAnswer } from './api-types.ts';
import { DEFAULT_PARAMS, type SearchParams } from './search-params.ts';
import type { Translations } from './translations.ts';

/**
 * `idle`: nothing in flight (a result, or none yet); `loading`: a request is in flight;
 * `stalled`: it has been in flight for a while (say so); `error`: the last request failed.
 */
export type SearchStatus = 'idle' | 'loading' | 'stalled' | 'error';

/** A failed search: the API's code and message, and its HTTP status when it answered. */
export interface SearchError {
  code: string;
  message: string;
  status?: number | null;
  /** Seconds the API asked to wait (`Retry-After`), when it did. */
  retryAfter?: number | null;
  /** A search is sent again by itself after `retryAfter` (a first 429). */
  willRetry?: boolean;
  /** The parameter a 400 named (`project`). */
  parameter?: string | null;
  /** The one item of a list a 400 refused (`nope` of `project=mosn,nope`). */
  value?: string | null;
}

/** Too many searches (429): not the question's fault; the search is sent again after `Retry-After`. */
export function isRateLimited(error: SearchError | null): boolean {
  return error?.status === 429;
}

/** What a 429 tells the reader: when the search goes again by itself, or how long to wait first (5 s when not said). */
export function getRateLimitMessage(error: SearchError | null, t: Pick<Translations, 'rateLimited' | 'rateLimitedWait'>): string {
  const seconds = error?.retryAfter ?? 5;
  return error?.willRetry ? t.rateLimited(seconds) : t.rateLimitedWait(seconds);
}

/**
 * A request the API refused as it was (4xx: too long, a bad parameter; not a 429, see
 * `isRateLimited`): sending it again cannot help, so it is shown as what it is and never
 * retried by itself.
 */
export function isRequestRejected(error: SearchError | null): boolean {
  return typeof error?.status === 'number' && error.status >= 400 && error.status < 500 && !isRateLimited(error);
}

/**
 * What a refused request tells the reader: a question over the API's limit in the reader's
 * language (its numbers are the question sent and the contract's limit), else the API's own
 * message (`project: unknown project "nope"`).
 */
export function getRejectedMessage(error: SearchError | null, q: string, t: Pick<Translations, 'rejectedBody' | 'tooLong'>): string {
  return error?.parameter === 'q' && q.length > MAX_POST_QUERY_LENGTH ? t.tooLong(q.length, MAX_POST_QUERY_LENGTH) : t.rejectedBody(error?.message ?? '');
}

/**
 * The API refused a project name (`?project=nope`, `data-project="nope"`): the 400 names the
 * `project` parameter. Names in any case or spelling of the catalogue are the API's to read;
 * only one it does not know comes back as this.
 */
export function isUnknownProject(error: SearchError | null): boolean {
  return error?.status === 400 && error.parameter === 'project';
}

export interface SearchState {
  status: SearchStatus;
  /** What the user asks for now (may be ahead of `result` while loading). */
  params: SearchParams;
  /** Sequence id of the latest request; answers to any other are stale and ignored. */
  requestId: number;
  /** The latest successful answer, and the params it answers. */
  result: SearchAnswer | null;
  resultParams: SearchParams | null;
  /** Why the latest request failed (status `error`); `status` is the HTTP status when the API answered. */
  error: SearchError | null;
  /**
   * The API's message when it refused a project of the filter and the search went on without
   * it (`project: unknown project "nope"`; several, `; `-joined); null otherwise, and again once
   * the reader changes the projects.
   */
  droppedProjects: string | null;
}

export type SearchAction =
  | { type: 'setParams'; params: SearchParams }
  | { type: 'request'; requestId: number }
  | { type: 'stalled'; requestId: number }
  | { type: 'success'; requestId: number; params: SearchParams; result: SearchAnswer }
  | { type: 'failure'; requestId: number; error: SearchError }
  /**
   * The API refused a project (`isUnknownProject`): search without `project` (the one it named,
   * `nope` of `mosn,nope`; null or not in the filter: every project), saying why.
   */
  | { type: 'dropProjects'; requestId: number; message: string; project: string | null }
  /** Forget the result and any request in flight (e.g. the widget's query was emptied). */
  | { type: 'reset'; requestId: number };

export function getInitialState(params: SearchParams = DEFAULT_PARAMS): SearchState {
  return { status: 'idle', params, requestId: 0, result: null, resultParams: null, error: null, droppedProjects: null };
}
