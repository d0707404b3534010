import type { SearchAnswer } from './api-types.ts';
import { isSameSearch, type SearchParams } from './search-params.ts';
import type { SearchAction, SearchState } from './search-state.ts';

/** Both name the same projects, in the same order. */
function isSameProjects(a: readonly string[], b: readonly string[]): boolean {
  return a.join('\n') === b.join('\n');
}

/**
 * `params` with the projects the answer says were searched: the API reads any case and any
 * catalogue spelling (`mosn`, `jraft`) and names each by its canonical name (MOSN, SOFAJRaft),
 * which the facets, the links and the checkboxes use.
 */
function withSearchedProjects(params: SearchParams, result: SearchAnswer): SearchParams {
  if (!Array.isArray(result.project)) return params; // an API from before it said so
  const projects = [...new Set(result.project)];
  return isSameProjects(projects, params.projects) ? params : { ...params, projects };
}

/**
 * The search state machine, pure. Answers (`stalled`, `success`, `failure`) carry the id of
 * their request and are dropped unless it is the latest one: a slow answer to an old query
 * never overwrites a newer one.
 */
export function searchReducer(state: SearchState, action: SearchAction): SearchState {
  switch (action.type) {
    case 'setParams': {
      return { ...state, params: action.params, droppedProjects: isSameProjects(action.params.projects, state.params.projects) ? state.droppedProjects : null };
    }
    case 'request':
      return { ...state, status: 'loading', requestId: action.requestId };
    case 'stalled':
      if (action.requestId !== state.requestId || state.status !== 'loading') return state;
      return { ...state, status: 'stalled' };
    case 'success': {
      if (action.requestId !== state.requestId) return state;
      const resultParams = withSearchedProjects(action.params, action.result);
      // what is asked for now takes the canonical names too, unless it moved on meanwhile
      const params = isSameSearch(state.params, action.params) ? resultParams : state.params;
      return { ...state, status: 'idle', params, result: action.result, resultParams, error: null };
    }
    case 'failure':
      if (action.requestId !== state.requestId) return state;
      return { ...state, status: 'error', error: action.error };
    case 'dropProjects': {
      if (action.requestId !== state.requestId) return state;
      const kept = state.params.projects.filter((project) => project !== action.project);
      // an API that does not say which name, or one not in the filter: every project
      const projects = kept.length < state.params.projects.length ? kept : [];
      const droppedProjects = state.droppedProjects === null ? action.message : `${state.droppedProjects}; ${action.message}`;
      return { ...state, params: { ...state.params, projects, page: 1 }, droppedProjects };
    }
    case 'reset':
      return { ...state, status: 'idle', requestId: action.requestId, result: null, resultParams: null, error: null };
  }
}
