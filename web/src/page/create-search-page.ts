import type { ApiClient } from '../core/api-client.ts';
import { SORT_ORDERS, type SortOrder } from '../core/api-types.ts';
import { createSearchController, type SearchController } from '../core/create-search-controller.ts';
import { fitsInUrl, getQueryString, hasFilters, parseSearchParams, withoutFilters, type SearchParams } from '../core/search-params.ts';
import { getRateLimitMessage, getRejectedMessage, isRateLimited, isRequestRejected, type SearchState } from '../core/search-state.ts';
import type { Translations } from '../core/translations.ts';
import { createPastedLines } from '../core/create-pasted-lines.ts';
import { getShownQuery } from '../core/get-shown-query.ts';
import { h, replaceChildren } from '../dom/h.ts';
import { renderFacet } from './render-facet.ts';
import { renderHit } from './render-hit.ts';
import { bindResultKeys } from './bind-result-keys.ts';
import { enhanceHit } from './enhance-hit.ts';

/** How a change came: typing replaces the history entry its first keystroke pushed. */
type ChangeKind = 'typing' | 'filter' | 'history';

/**
 * The search page (`GET /`): search box, facets, date range, sort, results and pages.
 * The URL holds the search (`q`, `project`, `year`, `from`, `to`, `sort`, `page`), so a copied
 * URL opens the same results and back/forward move through earlier searches.
 */
export interface SearchPageOptions {
  /** Where a reader with no direct answer can ask (default: `DEFAULT_ASK_URL`). */
  askUrl?: string;
}

/** Where to ask when the weekly Q&A has no answer (the `weekly-faq-ask-url` meta tag overrides it). */
export const DEFAULT_ASK_URL = 'https://github.com/sofastack/sofastack.tech/issues/new';

/**
 * The page's URL for `params`. A question too long for a URL (a pasted log: Node refuses a
 * 16 KB URL, so a reload or a shared link would fail) stays out of it, in the history entry's
 * state (`q`), which a reload and back/forward keep.
 */
function getPageLocation(params: SearchParams): { url: string; q: string | null } {
  const query = getQueryString(params);
  const long = !fitsInUrl(query);
  const shown = long ? getQueryString({ ...params, q: '' }) : query;
  return { url: `${location.pathname}${shown ? `?${shown}` : ''}`, q: long ? params.q : null };
}

/** The long question `getPageLocation` kept in the current history entry's state, or null. */
function getHistoryQuestion(): string | null {
  const q = (history.state as { q?: unknown } | null)?.q;
  return typeof q === 'string' ? q : null;
}

/** The search in the address bar (and a long question kept in the history entry's state). */
function readPageParams(): SearchParams {
  const params = parseSearchParams(location.search);
  const q = getHistoryQuestion();
  return q !== null && !params.q ? { ...params, q: q.trim() } : params;
}

export function createSearchPage(root: HTMLElement, client: ApiClient, t: Translations, options: SearchPageOptions = {}): { controller: SearchController; destroy(): void } {
  const askUrl = options.askUrl || DEFAULT_ASK_URL;
  const controller = createSearchController({ client, initialParams: readPageParams() });
  let lastKind: ChangeKind = 'history';

  // --- the static skeleton ---------------------------------------------------------------
  const input = h('input', { id: 'q', type: 'search', name: 'q', autocomplete: 'off', spellcheck: 'false', placeholder: t.searchPlaceholder, 'aria-describedby': 'q-hint', enterkeyhint: 'search' });
  // a pasted log is searched with its line breaks, which the one-line box drops
  const pasted = createPastedLines(input);
  const sort = h('select', { id: 'sort', name: 'sort' }, SORT_ORDERS.map((order) => h('option', { value: order }, t.sortOrders[order])));
  const from = h('input', { id: 'from', type: 'date', name: 'from' });
  const to = h('input', { id: 'to', type: 'date', name: 'to' });
  const projectList = h('ul', { class: 'facet-values', id: 'facet-projects' });
  const yearList = h('ul', { class: 'facet-values', id: 'facet-years' });
  const clear = h('button', { type: 'button', class: 'clear-filters' }, t.clearFilters);
  const filters = h('aside', { id: 'filters', class: 'filters', 'aria-label': t.filters },
    h('div', { class: 'sort' }, h('label', { for: 'sort' }, t.sortLabel), sort),
    h('fieldset', { class: 'facet' }, h('legend', null, t.projects), projectList),
    h('fieldset', { class: 'facet' }, h('legend', null, t.years), yearList),
    h('fieldset', { class: 'dates' }, h('legend', null, t.dateRange),
      h('label', { for: 'from' }, t.dateFrom), from,
      h('label', { for: 'to' }, t.dateTo), to),
    clear);
  const filtersToggle = h('button', { type: 'button', class: 'filters-toggle', 'aria-expanded': 'false', 'aria-controls': 'filters' }, t.filters);
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const notice = h('p', { class: 'notice', 'aria-live': 'polite', hidden: true });
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const screen = h('div', { class: 'screen' });
  const pager = h('nav', { class: 'pager', 'aria-label': t.pagination });
  const results = h('main', { id: 'results', class: 'results', tabindex: '-1' }, notice, status, screen, pager, announcer);

  replaceChildren(root,
    h('a', { class: 'skip', href: '#results' }, t.skipToResults),
    h('header', { class: 'top' },
      h('h1', { class: 'site-title' }, h('a', { class: 'brand', href: '/' }, t.siteTitle)),
      h('form', { class: 'search', role: 'search', onsubmit: (event: Event) => event.preventDefault() },
        h('label', { for: 'q', class: 'visually-hidden' }, t.searchLabel),
        input,
        h('kbd', { id: 'q-hint', class: 'hint', title: t.searchHint }, '/'))),
    h('div', { class: 'layout' }, filtersToggle, filters, results));

  const announce = (message: string) => {
    announcer.textContent = message;
  };

  /**
   * Apply a change made by a button the new results take away ("Only SOFARPC", "Search without
   * filters", "Clear filters" once nothing is left to clear): focus goes to the results, not to
   * the page's start, which is where a removed element leaves a keyboard reader.
   */
  function changeFromButton(params: SearchParams): void {
    change(params, 'filter');
    syncInputs(controller.getState().params);
    results.focus();
  }

  // --- state → URL and inputs -----------------------------------------------------------
  function syncInputs(params: SearchParams): void {
    if (pasted.read() !== params.q) pasted.show(params.q);
    sort.value = params.sort;
    from.value = params.from;
    to.value = params.to;
    for (const box of root.querySelectorAll<HTMLInputElement>('.facet input[type=checkbox]')) {
      box.checked = (box.name === 'project' ? params.projects : params.years).includes(box.value);
    }
  }

  function change(patch: Partial<SearchParams>, kind: ChangeKind): void {
    const params: SearchParams = { ...controller.getState().params, page: 1, ...patch };
    const { url, q } = getPageLocation(params);
    const state = q === null ? null : { q };
    if (url !== `${location.pathname}${location.search}` || q !== getHistoryQuestion()) {
      if (kind === 'typing' && lastKind === 'typing') history.replaceState(state, '', url);
      else history.pushState(state, '', url);
    }
    lastKind = kind;
    controller.setParams(params, { debounce: kind === 'typing' });
  }

  // --- events ---------------------------------------------------------------------------
  // pinyin being composed (`chaoshi`) is no question yet: search what the input method commits
  input.addEventListener('input', (event) => (event as InputEvent).isComposing || change({ q: pasted.read() }, 'typing'));
  input.addEventListener('compositionend', () => change({ q: pasted.read() }, 'typing'));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && input.value && !event.isComposing) {
      input.value = '';
      change({ q: '' }, 'filter');
    }
  });
  sort.addEventListener('change', () => change({ sort: sort.value as SortOrder }, 'filter'));
  for (const [field, box] of [['from', from], ['to', to]] as const) {
    box.addEventListener('change', () => {
      if (box.value === '' || /^\d{4}-\d{2}-\d{2}$/.test(box.value)) change({ [field]: box.value }, 'filter');
    });
  }
  clear.addEventListener('click', () => changeFromButton(withoutFilters(controller.getState().params)));
  filtersToggle.addEventListener('click', () => {
    const open = filtersToggle.getAttribute('aria-expanded') !== 'true';
    filtersToggle.setAttribute('aria-expanded', String(open));
    filters.classList.toggle('open', open);
  });
  const onPopState = () => {
    const params = readPageParams();
    syncInputs(params);
    lastKind = 'history';
    controller.setParams(params);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    input.focus();
    input.select();
  };
  window.addEventListener('popstate', onPopState);
  document.addEventListener('keydown', onKeyDown);
  const unbindResultKeys = bindResultKeys(root, input);

  // --- rendering: one screen per state --------------------------------------------------
  let renderedResult: SearchState['result'] = null;

  /** A link to `page` of the search on screen (a plain click stays on the page, a modified one opens a tab). */
  function pageLink(state: SearchState, page: number, label: string, rel: string): HTMLElement {
    return h('a', { href: getPageLocation({ ...state.params, page }).url, rel, class: rel, onclick: (event: Event) => {
      const mouse = event as MouseEvent;
      if (mouse.ctrlKey || mouse.metaKey || mouse.shiftKey || mouse.button !== 0) return;
      event.preventDefault();
      change({ page }, 'filter');
      results.focus();
      window.scrollTo(0, 0);
    } }, label);
  }

  function renderPager(state: SearchState): void {
    const result = state.result;
    if (!result || result.totalPages <= 1 || state.status === 'error' || result.page > result.totalPages) {
      replaceChildren(pager);
      return;
    }
    replaceChildren(pager,
      result.page > 1 ? pageLink(state, result.page - 1, t.previousPage, 'prev') : null,
      h('span', { class: 'page-of' }, t.pageOf(result.page, result.totalPages)),
      result.page < result.totalPages ? pageLink(state, result.page + 1, t.nextPage, 'next') : null);
  }

  function renderErrorScreen(state: SearchState): void {
    const error = state.error;
    // Too many searches: the question is fine; say when it goes again (the controller retries once).
    if (isRateLimited(error)) {
      replaceChildren(screen, h('div', { class: 'error rate-limited', role: 'alert' },
        h('p', { class: 'error-title' }, getRateLimitMessage(error, t)),
        error?.willRetry ? null : h('button', { type: 'button', class: 'retry', onclick: () => controller.refresh() }, t.retry)));
      status.textContent = '';
      return;
    }
    // A refused request (too long, a bad parameter) is shown as what it is: retrying cannot help.
    replaceChildren(screen, isRequestRejected(error)
      ? h('div', { class: 'error rejected', role: 'alert' },
          h('p', { class: 'error-title' }, t.rejectedTitle),
          h('p', { class: 'error-message' }, getRejectedMessage(error, state.params.q, t)),
          h('p', null, t.rejectedHint))
      : h('div', { class: 'error', role: 'alert' },
          h('p', { class: 'error-title' }, t.errorTitle),
          h('p', null, t.errorBody),
          h('button', { type: 'button', class: 'retry', onclick: () => controller.refresh() }, t.retry)));
    status.textContent = '';
  }

  /** "Only SOFARPC": narrows the search to the project the query names, in one click. */
  function renderOnlyProject(project: string | null, params: SearchParams | null): HTMLElement | null {
    if (!project || !params || params.projects.includes(project)) return null;
    return h('p', { class: 'only-project' }, h('button', { type: 'button', onclick: () => changeFromButton({ ...controller.getState().params, projects: [project], page: 1 }) }, t.onlyProject(project)));
  }

  /** No strong hit: say so plainly, then what the reader can do next. */
  function renderNoAnswer(project: string | null): HTMLElement {
    const recent = project ? `/?${getQueryString({ ...withoutFilters(controller.getState().params), q: '', projects: [project], sort: 'newest', page: 1 })}` : null;
    return h('div', { class: 'no-answer' },
      h('p', { class: 'no-answer-title' }, t.noDirectAnswer),
      h('p', null, t.nextSteps),
      h('ul', { class: 'next-steps' },
        recent && project ? h('li', null, h('a', { class: 'recent-project', href: recent }, t.recentAbout(project))) : null,
        h('li', null, h('a', { class: 'ask', href: askUrl, rel: 'noopener', target: '_blank' }, t.askCommunity))));
  }

  function renderResultScreen(state: SearchState): void {
    const result = state.result;
    if (!result || result === renderedResult) return;
    renderedResult = result;
    if (result.hits.length === 0 && result.page > result.totalPages && result.totalPages > 0) {
      // a hand-edited or old URL past the end: say so, and link to the last page there is
      replaceChildren(screen, h('div', { class: 'empty page-missing' },
        h('p', null, t.pageMissing(result.page, result.totalPages)),
        h('p', null, pageLink(state, result.totalPages, t.lastPage(result.totalPages), 'last'))));
    } else if (result.hits.length === 0) {
      const filtered = state.resultParams !== null && hasFilters(state.resultParams);
      replaceChildren(screen, h('div', { class: 'empty' },
        h('p', null, t.noResults(getShownQuery(result.query))),
        filtered ? h('p', null, t.noResultsWithFilters, ' ', h('button', { type: 'button', class: 'drop-filters', onclick: () => changeFromButton(withoutFilters(controller.getState().params)) }, t.dropFilters)) : null));
    } else if (result.query) {
      // Strong hits are the answers; the weak ones are related at best: folded on page 1, under
      // the same heading but open on the next pages (asked for), never passed off as answers.
      const first = (result.page - 1) * result.hitsPerPage;
      const strong = result.hits.filter((hit) => hit.match !== 'weak');
      const weak = result.hits.filter((hit) => hit.match === 'weak');
      const list = (hits: typeof weak, start: number, className: string) => h('ol', { class: className, start: String(start + 1) }, hits.map((hit, index) =>
        enhanceHit(renderHit(hit, start + index, t, announce), hit, { query: result.query, position: start + index + 1 })));
      replaceChildren(screen,
        renderOnlyProject(result.detectedProject ?? null, state.resultParams),
        strong.length > 0 ? list(strong, first, 'hits answers') : result.page === 1 ? renderNoAnswer(result.detectedProject ?? null) : null,
        weak.length > 0
          ? h('details', { class: 'related', open: result.page > 1 }, h('summary', null, t.related(weak.length)), list(weak, first + strong.length, 'hits'))
          : null);
    } else {
      replaceChildren(screen, h('ol', { class: 'hits', start: String((result.page - 1) * result.hitsPerPage + 1) },
        result.hits.map((hit, index) => enhanceHit(renderHit(hit, index, t, announce), hit, { query: result.query, position: (result.page - 1) * result.hitsPerPage + index + 1 }))));
    }
  }

  /**
   * The URL after the API named the projects (`?project=jraft` -> SOFAJRaft) or refused one
   * (dropped): the address bar and a copied link say what was searched. Replaced, not pushed.
   */
  function syncProjectsToUrl(state: SearchState): void {
    // every other change writes the URL first (`change`, back/forward): only these differ from it
    const params = state.params;
    if (params.projects.join('\n') === parseSearchParams(location.search).projects.join('\n')) return;
    const { url, q } = getPageLocation(params);
    history.replaceState(q === null ? null : { q }, '', url);
    clear.hidden = !hasFilters(params);
  }

  function render(state: SearchState): void {
    syncProjectsToUrl(state);
    notice.hidden = state.droppedProjects === null;
    notice.textContent = state.droppedProjects === null ? '' : t.projectsDropped(state.droppedProjects, state.params.projects);
    results.setAttribute('aria-busy', String(state.status === 'loading' || state.status === 'stalled'));
    root.classList.toggle('is-stalled', state.status === 'stalled');
    switch (state.status) {
      case 'error':
        renderedResult = null;
        renderErrorScreen(state);
        break;
      case 'stalled':
        status.textContent = t.stalled;
        break;
      case 'loading':
        if (!state.result) status.textContent = t.searching;
        break;
      case 'idle':
        if (state.result) status.textContent = t.resultCount(state.result.totalHits, getShownQuery(state.result.query));
        renderResultScreen(state);
        break;
    }
    if (state.result && state.status !== 'error') {
      const params = state.resultParams ?? state.params;
      const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });
      renderFacet(projectList, 'project', state.result.facets.projects, params.projects, byName, (value, on) => change({ projects: on ? [...controller.getState().params.projects, value] : controller.getState().params.projects.filter((p) => p !== value) }, 'filter'));
      renderFacet(yearList, 'year', state.result.facets.years, params.years, (a, b) => b.localeCompare(a), (value, on) => change({ years: on ? [...controller.getState().params.years, value] : controller.getState().params.years.filter((y) => y !== value) }, 'filter'));
      const active = params.projects.length + params.years.length + (params.from ? 1 : 0) + (params.to ? 1 : 0);
      filtersToggle.textContent = active ? `${t.filters} (${active})` : t.filters;
      clear.hidden = !hasFilters(params);
    }
    renderPager(state);
    document.title = state.params.q ? `${getShownQuery(state.params.q)} – ${t.siteTitle}` : t.siteTitle;
  }

  controller.subscribe(render);
  syncInputs(controller.getState().params);
  clear.hidden = !hasFilters(controller.getState().params);
  render(controller.getState());
  // `?project=jraft` (a hand-written link) goes as written: the answer names the canonical project
  controller.refresh();
  if (!matchMedia('(pointer: coarse)').matches && !location.hash) input.focus();

  return {
    controller,
    destroy() {
      controller.destroy();
      window.removeEventListener('popstate', onPopState);
      document.removeEventListener('keydown', onKeyDown);
      unbindResultKeys();
    },
  };
}
