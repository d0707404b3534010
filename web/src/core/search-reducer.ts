import type { SearchAction, SearchState } from './search-state.ts';

/**
 * The search state machine, pure. Answers (`stalled`, `success`, `failure`) carry the id of
 * their request and are dropped unless it is the latest one: a slow answer to an old query
 * never overwrites a newer one.
 */
export function searchReducer(state: SearchState, action: SearchAction): SearchState {
  switch (action.type) {
    case 'setParams':
      return { ...state, params: action.params };
    case 'request':
      return { ...state, status: 'loading', requestId: action.requestId };
    case 'stalled':
      if (action.requestId !== state.requestId || state.status !== 'loading') return state;
      return { ...state, status: 'stalled' };
    case 'success':
      if (action.requestId !== state.requestId) return state;
      return { ...state, status: 'idle', result: action.result, resultParams: action.params, error: null };
    case 'failure':
      if (action.requestId !== state.requestId) return state;
      return { ...state, status: 'error', error: action.error };
    case 'reset':
      return { ...state, status: 'idle', requestId: action.requestId, result: null, resultParams: null, error: null };
  }
}
