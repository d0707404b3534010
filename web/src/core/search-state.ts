import type { SearchResult } from './api-types.ts';
import { DEFAULT_PARAMS, type SearchParams } from './search-params.ts';

/**
 * `idle`: nothing in flight (a result, or none yet); `loading`: a request is in flight;
 * `stalled`: it has been in flight for a while (say so); `error`: the last request failed.
 */
export type SearchStatus = 'idle' | 'loading' | 'stalled' | 'error';

export interface SearchState {
  status: SearchStatus;
  /** What the user asks for now (may be ahead of `result` while loading). */
  params: SearchParams;
  /** Sequence id of the latest request; answers to any other are stale and ignored. */
  requestId: number;
  /** The latest successful answer, and the params it answers. */
  result: SearchResult | null;
  resultParams: SearchParams | null;
  /** Why the latest request failed (status `error`). */
  error: { code: string; message: string } | null;
}

export type SearchAction =
  | { type: 'setParams'; params: SearchParams }
  | { type: 'request'; requestId: number }
  | { type: 'stalled'; requestId: number }
  | { type: 'success'; requestId: number; params: SearchParams; result: SearchResult }
  | { type: 'failure'; requestId: number; error: { code: string; message: string } }
  /** Forget the result and any request in flight (e.g. the widget's query was emptied). */
  | { type: 'reset'; requestId: number };

export function getInitialState(params: SearchParams = DEFAULT_PARAMS): SearchState {
  return { status: 'idle', params, requestId: 0, result: null, resultParams: null, error: null };
}
