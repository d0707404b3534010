import { ApiClientError, type ApiClient } from './api-client.ts';
import { createStore, type Store } from './create-store.ts';
import { isSameSearch, type SearchParams } from './search-params.ts';
import { searchReducer } from './search-reducer.ts';
import { getInitialState, isRateLimited, isRequestRejected, isUnknownProject, type SearchAction, type SearchError, type SearchState } from './search-state.ts';

/** The timer functions the controller uses (tests pass fakes). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SearchControllerOptions {
  client: Pick<ApiClient, 'search'>;
  initialParams?: SearchParams;
  /** Wait this long after the last keystroke before searching (default: 150 ms). */
  debounceMs?: number;
  /** A request in flight this long turns `loading` into `stalled` (default: 800 ms). */
  stalledMs?: number;
  /**
   * After an outage (no answer, 5xx), search again this often until it works (default: 5000 ms;
   * 0: never); a 4xx is never retried, except a first 429, once, after its `Retry-After`.
   */
  retryMs?: number;
  timers?: Timers;
}

export interface SearchController extends Pick<Store<SearchState, SearchAction>, 'getState' | 'subscribe'> {
  /**
   * Ask for `params`. With `debounce` (typing), the request waits `debounceMs` for the next
   * change; otherwise it goes now. Asking again for the search on screen does nothing.
   */
  setParams(params: SearchParams, options?: { debounce?: boolean }): void;
  /** Search the current params now (e.g. "try again"). */
  refresh(): void;
  /** Drop the result and any request in flight or pending. */
  reset(params: SearchParams): void;
  /** Stop timers and abort the request in flight. */
  destroy(): void;
}

/**
 * The search's side effects around the pure reducer: debouncing, one request at a time
 * (the previous one is aborted), sequence ids so only the latest answer counts, the
 * `stalled` timer, and retries after a failure (so the page recovers by itself when the API
 * comes back).
 */
export function createSearchController(options: SearchControllerOptions): SearchController {
  const { client, debounceMs = 150, stalledMs = 800, retryMs = 5000 } = options;
  const timers: Timers = options.timers ?? { setTimeout: (cb, ms) => setTimeout(cb, ms), clearTimeout: (h) => clearTimeout(h as number) };
  const store = createStore(searchReducer, getInitialState(options.initialParams));
  let sequence = 0;
  let inFlight: AbortController | null = null;
  let debounceTimer: unknown = null;
  let stalledTimer: unknown = null;
  let retryTimer: unknown = null;
  /** The search on screen already waited out one 429: another one is shown, not retried. */
  let rateRetried = false;

  /** The timers of the request in flight (not the debounce: it belongs to the text typed since). */
  function clearRequestTimers(): void {
    for (const timer of [stalledTimer, retryTimer]) if (timer !== null) timers.clearTimeout(timer);
    stalledTimer = retryTimer = null;
  }

  function clearTimers(): void {
    clearRequestTimers();
    if (debounceTimer !== null) timers.clearTimeout(debounceTimer);
    debounceTimer = null;
  }

  function run(afterRateLimit = false): void {
    rateRetried = afterRateLimit;
    clearTimers();
    inFlight?.abort();
    const abort = typeof AbortController === 'function' ? new AbortController() : null;
    inFlight = abort;
    const requestId = ++sequence;
    const params = store.getState().params;
    store.dispatch({ type: 'request', requestId });
    stalledTimer = timers.setTimeout(() => store.dispatch({ type: 'stalled', requestId }), stalledMs);
    client.search(params, abort?.signal).then(
      (result) => {
        if (requestId !== sequence) return;
        clearRequestTimers();
        store.dispatch({ type: 'success', requestId, params, result });
      },
      (error: unknown) => {
        if (requestId !== sequence || abort?.signal.aborted) return;
        clearRequestTimers();
        const code = error instanceof ApiClientError ? error.code : 'unknown';
        const message = error instanceof Error ? error.message : String(error);
        const failure: SearchError = error instanceof ApiClientError ? { code, message, status: error.status, retryAfter: error.retryAfter, parameter: error.parameter, value: error.value } : { code, message, status: null };
        if (isUnknownProject(failure) && params.projects.length && isSameSearch(store.getState().params, params)) {
          // a project name the API does not know (a hand-written link, a widget's data-project):
          // every search would fail the same way, so search without it (the others kept) and say why
          store.dispatch({ type: 'dropProjects', requestId, message, project: failure.value ?? null });
          run();
          return;
        }
        if (isRateLimited(failure)) {
          // Too many searches: wait as asked (1 s to 2 min; 5 s when not said), then once more.
          failure.retryAfter = Math.min(Math.max(failure.retryAfter ?? 5, 1), 120);
          failure.willRetry = !rateRetried;
          if (failure.willRetry) retryTimer = timers.setTimeout(() => run(true), failure.retryAfter * 1000);
        } else if (retryMs > 0 && !isRequestRejected(failure)) {
          // A refused request (4xx) fails the same way every time: only an outage is retried.
          retryTimer = timers.setTimeout(() => run(), retryMs);
        }
        store.dispatch({ type: 'failure', requestId, error: failure });
      },
    );
  }

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    setParams(params, { debounce = false } = {}) {
      const state = store.getState();
      store.dispatch({ type: 'setParams', params });
      const settled = state.status === 'idle' && state.resultParams !== null && isSameSearch(state.resultParams, params);
      const pending = (state.status === 'loading' || state.status === 'stalled' || debounceTimer !== null) && isSameSearch(state.params, params);
      if (settled || pending) return;
      if (!debounce) {
        run();
        return;
      }
      if (debounceTimer !== null) timers.clearTimeout(debounceTimer);
      debounceTimer = timers.setTimeout(() => {
        debounceTimer = null;
        run();
      }, debounceMs);
    },
    refresh: () => run(),
    reset(params) {
      clearTimers();
      inFlight?.abort();
      inFlight = null;
      store.dispatch({ type: 'setParams', params });
      store.dispatch({ type: 'reset', requestId: ++sequence });
    },
    destroy() {
      clearTimers();
      inFlight?.abort();
      sequence++;
    },
  };
}
