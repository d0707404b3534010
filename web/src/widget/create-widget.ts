import { sendClick } from '../core/create-insights-client.ts';
import { createApiClient } from '../core/api-client.ts';
import type { SearchHit } from '../core/api-types.ts';
import { createRecentSearches } from '../core/create-recent-searches.ts';
import { createSearchController } from '../core/create-search-controller.ts';
import { createPastedLines } from '../core/create-pasted-lines.ts';
import { getNextIndex } from '../core/get-next-index.ts';
import { getShownQuery } from '../core/get-shown-query.ts';
import { getSafeUrl } from '../core/get-safe-url.ts';
import { isComposing } from '../core/is-composing.ts';
import { DEFAULT_PARAMS, fitsInUrl, getQueryString, getQuestionSuffix, splitList, type SearchParams } from '../core/search-params.ts';
import { getRateLimitMessage, getRejectedMessage, isRateLimited, isRequestRejected, type SearchState } from '../core/search-state.ts';
import { pickTranslations } from '../core/pick-translations.ts';
import type { Translations } from '../core/translations.ts';
import { h, replaceChildren } from '../dom/h.ts';
import { renderKindLabel } from '../dom/render-kind-label.ts';
import { renderMarked, renderSnippet } from '../dom/render-marked.ts';
import css from './widget.css';

export interface WidgetOptions {
  /** Origin of the weekly-faq service (default: the origin the widget script came from). */
  api?: string | undefined;
  /** Only answers about these projects (the `project` filter; a string may list several, comma-separated). */
  project?: string | string[] | undefined;
  /** Selector or element to put the search button in (default: a floating button at the bottom right). */
  container?: string | Element | undefined;
  /** Keep the last queries in localStorage (default: true). */
  recentSearches?: boolean | undefined;
  /** Open with Ctrl+K / Cmd+K (default: true). */
  hotkey?: boolean | undefined;
  /** Interface language, e.g. `zh` or `en` (default: the reader's browser languages, else English). */
  lang?: string | undefined;
  /** Strings to change (on top of the language's). */
  translations?: Partial<Translations> | undefined;
  /** Where to ask when nothing answers the question (default: the search page's `DEFAULT_ASK_URL`). */
  askUrl?: string | undefined;
}

const DEFAULT_ASK_URL = 'https://github.com/sofastack/sofastack.tech/issues/new';

export interface Widget {
  open(): void;
  close(): void;
  /** Remove the button, the dialog and every listener. */
  destroy(): void;
}

let sheet: CSSStyleSheet | null = null;

/** Give a shadow root the widget's styles: a constructed sheet (not subject to the host's style CSP), else a `<style>`. */
function adoptStyles(root: ShadowRoot): void {
  try {
    sheet ??= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    root.appendChild(h('style', null, css));
  }
}

function getStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

let instances = 0;

/**
 * Mount the search widget: a button (and Ctrl/Cmd+K) that opens a search dialog. Everything
 * lives in shadow roots with its own styles; corpus text goes in with `textContent` (highlights
 * as `<mark>` elements built from the API's escaped text). Throws when `container` matches
 * nothing; never throws later, whatever the API does.
 */
export function createWidget(options: WidgetOptions = {}): Widget {
  const languages = options.lang ? [options.lang, ...navigator.languages] : navigator.languages;
  const t: Translations = { ...pickTranslations(languages), ...options.translations };
  let container: Element | null = null;
  if (typeof options.container === 'string') {
    container = document.querySelector(options.container);
    if (!container) throw new Error(`weekly-faq widget: the container selector "${options.container}" matches no element on this page. Pass the selector of an element that exists when the widget starts, or leave "container" out for a floating button.`);
  } else if (options.container) container = options.container;

  const api = (options.api || location.origin).replace(/\/+$/, '');
  const projects = options.project === undefined ? [] : splitList(([] as string[]).concat(options.project));
  let base: SearchParams = { ...DEFAULT_PARAMS, projects };
  const askUrl = options.askUrl || DEFAULT_ASK_URL;
  // Weak hits stay folded under "Related" until asked for (per result).
  let showRelated = false;
  let relatedFor: unknown = null;
  const recent = createRecentSearches(options.recentSearches === false ? null : getStorage());
  const client = createApiClient({ baseUrl: api, hitsPerPage: 8 });
  // `data-project="mosn"` goes as written: the API reads any spelling and answers with the
  // canonical name (MOSN), which the filter keeps from then on (see the subscription below)
  const controller = createSearchController({ client, debounceMs: 120, retryMs: 0 });
  const id = `wf${++instances}`;
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);

  // the button
  const buttonHost = document.createElement('weekly-faq-search');
  const buttonRoot = buttonHost.attachShadow({ mode: 'open' });
  adoptStyles(buttonRoot);
  const trigger = h('button', { type: 'button', class: 'trigger', 'aria-haspopup': 'dialog', 'aria-keyshortcuts': 'Control+K Meta+K' },
    h('span', { class: 'icon', 'aria-hidden': 'true' }), t.widgetButton, h('kbd', { 'aria-hidden': 'true' }, mac ? '⌘ K' : 'Ctrl K'));
  buttonRoot.appendChild(trigger);
  if (container) container.appendChild(buttonHost);
  else {
    buttonHost.className = 'floating';
    document.body.appendChild(buttonHost);
  }

  // the dialog
  const modalHost = document.createElement('weekly-faq-dialog');
  const modalRoot = modalHost.attachShadow({ mode: 'open' });
  adoptStyles(modalRoot);
  const input = h('input', { type: 'search', role: 'combobox', 'aria-expanded': 'false', 'aria-controls': `${id}-list`, 'aria-autocomplete': 'list', 'aria-label': t.widgetDialog, autocomplete: 'off', spellcheck: 'false', enterkeyhint: 'search', placeholder: t.searchPlaceholder });
  const pasted = createPastedLines(input);
  // says what it does (Esc is in the help line below, and a phone has no Esc key)
  const closeButton = h('button', { type: 'button', class: 'close' }, t.widgetClose);
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  // focusable, so that a reader can scroll a long list by keyboard however it got focus (axe:
  // scrollable-region-focusable); the Tab cycle below does not stop on it, the arrows move the options
  const body = h('div', { class: 'body', tabindex: '0' });
  const seeAll = h('a', { class: 'all', href: `${api}/` });
  const dialog = h('div', { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-label': t.widgetDialog },
    h('div', { class: 'bar' }, input, closeButton), status, body,
    h('div', { class: 'foot' }, seeAll, h('span', { class: 'help' }, t.widgetHelp)));
  const backdrop = h('div', { class: 'backdrop', hidden: true }, dialog);
  modalRoot.appendChild(backdrop);
  // the host page may be in another language than the widget's strings
  buttonHost.lang = modalHost.lang = t.lang;
  document.body.appendChild(modalHost);

  let options$: { node: HTMLElement; choose: () => void; remove?: () => void }[] = [];
  let active = -1;
  let lastFocus: Element | null = null;
  let overflow = '';

  function setActive(index: number): void {
    active = index;
    options$.forEach((option, i) => option.node.setAttribute('aria-selected', String(i === index)));
    const node = options$[index]?.node;
    if (node) {
      input.setAttribute('aria-activedescendant', node.id);
      node.scrollIntoView?.({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  /** The options; the last `related` of them (weak hits, unfolded) in a group under their own heading, apart from the answers. */
  function listbox(label: string, items: { node: HTMLElement; choose: () => void; remove?: () => void }[], related = 0): HTMLElement {
    options$ = items;
    items.forEach((item, i) => {
      item.node.id = `${id}-o${i}`;
      item.node.addEventListener('mousemove', () => active !== i && setActive(i));
    });
    const nodes = items.map((item) => item.node);
    const split = nodes.length - related;
    return h('ul', { id: `${id}-list`, role: 'listbox', 'aria-label': label }, nodes.slice(0, split),
      related ? h('li', { role: 'group', 'aria-label': t.related(related) }, h('div', { class: 'head', 'aria-hidden': 'true' }, t.related(related)), h('ul', { role: 'none' }, nodes.slice(split))) : null);
  }

  function permalink(hit: SearchHit): string {
    const q = input.value.trim();
    return `${api}/qa/${encodeURIComponent(hit.id)}${getQuestionSuffix(q)}`;
  }

  function renderHitOption(hit: SearchHit, index: number) {
    const href = permalink(hit);
    const issue = getSafeUrl(hit.issueUrl);
    const click = () => input.value.trim() && sendClick(api, { id: hit.id, position: index + 1, query: input.value.trim() });
    // No link inside an option (a control inside a control, which screen readers may skip or
    // focus): the option opens its permalink, a modified or middle click in a new tab, and the
    // issue label its issue; the keyboard chooses with Enter.
    const openTab = (url: string) => window.open(url, '_blank', 'noopener');
    const node = h('li', { class: 'opt', role: 'option', 'aria-selected': 'false', 'data-href': href },
      h('div', { class: 'hit' },
        hit.followup && hit.context ? h('span', { class: 'c' }, `${t.followupOf} ${hit.context}`) : null,
        h('span', { class: 'q' }, renderMarked(hit.highlight.question)),
        h('span', { class: 's' }, renderSnippet(hit.highlight.answer, 140)),
        h('span', { class: 'm' }, renderKindLabel(hit, t), hit.projects.map((p) => h('span', { class: 'tag' }, p)), hit.date)),
      issue ? h('span', { class: 'issue', 'data-href': issue, onclick: (event: Event) => {
        event.stopPropagation();
        openTab(issue);
      } }, `GitHub #${hit.issue ?? ''}`) : null);
    const onClick = (event: MouseEvent) => {
      if (event.button === 1 || event.ctrlKey || event.metaKey || event.shiftKey) {
        recent.add(input.value);
        click();
        openTab(href);
      } else if (event.button === 0) choose();
    };
    node.addEventListener('click', onClick);
    node.addEventListener('auxclick', onClick);
    const choose = () => {
      recent.add(input.value);
      click();
      location.assign(href);
    };
    return { node, choose };
  }

  function renderRecentOption(query: string) {
    const remove = () => {
      recent.remove(query);
      render(controller.getState());
      input.focus();
    };
    // the × is for the mouse (no control inside an option); the keyboard removes with Delete
    const node = h('li', { class: 'opt', role: 'option', 'aria-selected': 'false' },
      h('div', { class: 'recent', onclick: () => search(query) }, h('span', null, query),
        h('span', { class: 'remove', title: t.widgetRemoveRecent(query), 'aria-hidden': 'true', onclick: (event: Event) => {
          event.stopPropagation();
          remove();
        } }, '×')));
    return { node, choose: () => search(query), remove };
  }

  /** The question again, in `projects` only (none: every project), from now on. */
  function searchProjects(projects: string[]): void {
    base = { ...base, projects };
    onInput();
    input.focus();
  }

  function search(query: string): void {
    pasted.show(query);
    onInput();
    input.focus();
  }

  function screen(...children: (Node | string | null)[]): void {
    replaceChildren(body, ...children);
  }

  /** One rendering per state. */
  function render(state: SearchState): void {
    const q = state.params.q;
    const result = state.result;
    seeAll.hidden = true;
    if (!q) {
      const queries = recent.get();
      options$ = [];
      status.textContent = '';
      screen(queries.length ? h('div', { class: 'head' }, t.widgetRecent) : null,
        queries.length ? listbox(t.widgetRecent, queries.map(renderRecentOption)) : h('p', { class: 'msg' }, t.widgetStart));
    } else if (!result && state.status === 'idle') {
      options$ = [];
      screen();
    } else if (state.status === 'error') {
      options$ = [];
      // A refused request says why (too long...); too many searches, when it goes again; only an outage is "unavailable".
      const error = state.error;
      const message = isRateLimited(error) ? getRateLimitMessage(error, t)
        : isRequestRejected(error) ? getRejectedMessage(error, state.params.q, t) : t.errorTitle;
      status.textContent = message;
      screen(h('p', { class: 'msg err' }, message));
    } else if (state.status === 'stalled') {
      status.textContent = t.stalled;
    } else if (state.status === 'loading') {
      if (!result) status.textContent = t.searching;
    } else if (result) {
      status.textContent = t.resultCount(result.totalHits, getShownQuery(result.query));
      if (relatedFor !== result) {
        relatedFor = result;
        showRelated = false;
      }
      const strong = result.hits.filter((hit) => hit.match !== 'weak');
      const weak = result.hits.filter((hit) => hit.match === 'weak');
      const project = result.detectedProject;
      const only = project && !base.projects.includes(project)
        ? h('button', { type: 'button', class: 'only', onclick: () => searchProjects([project]) }, t.onlyProject(project))
        : null;
      const relatedToggle = weak.length && !showRelated
        ? h('button', { type: 'button', class: 'related', onclick: () => {
            showRelated = true;
            render(controller.getState());
            input.focus();
          } }, t.related(weak.length))
        : null;
      const listed = showRelated ? [...strong, ...weak] : strong;
      if (!result.hits.length) {
        options$ = [];
        // a widget narrowed to its site's projects finds nothing: offer the others, in one click
        screen(h('p', { class: 'msg' }, t.noResults(getShownQuery(result.query)), base.projects.length ? [' ', h('button', { type: 'button', class: 'only', onclick: () => searchProjects([]) }, t.dropFilters)] : null));
      } else {
        if (!listed.length) options$ = [];
        screen(
          only,
          strong.length ? null : h('div', { class: 'msg none' }, h('p', null, t.noDirectAnswer),
            h('p', null, project ? h('a', { href: `${api}/?${getQueryString({ ...DEFAULT_PARAMS, projects: [project], sort: 'newest' })}` }, t.recentAbout(project)) : null,
              project ? ' · ' : null, h('a', { class: 'ask', href: askUrl, target: '_blank', rel: 'noopener' }, t.askCommunity))),
          listed.length ? listbox(t.widgetDialog, listed.map(renderHitOption), showRelated && strong.length ? weak.length : 0) : null,
          relatedToggle);
      }
      const all = getQueryString({ ...state.params, page: 1 });
      // a pasted log's search cannot be a link (too long for a URL)
      if (result.totalHits && fitsInUrl(all)) {
        seeAll.hidden = false;
        seeAll.href = `${api}/?${all}`;
        seeAll.textContent = t.seeAll(result.totalHits);
      }
    }
    input.setAttribute('aria-expanded', String(options$.length > 0));
    setActive(q && options$.length ? 0 : -1);
  }
  const unsubscribe = controller.subscribe((state, previous) => {
    // the filter as the API named it (`mosn` -> MOSN: "Only MOSN" is then not offered again) or,
    // when it refused a name, the others: the page embedding the widget is told once, in the console
    if (state.resultParams && state.result !== previous.result) base = { ...base, projects: state.resultParams.projects };
    if (state.droppedProjects !== null && state.droppedProjects !== previous.droppedProjects) {
      const kept = state.params.projects;
      base = { ...base, projects: kept };
      console.warn(`weekly-faq: ${state.droppedProjects} (data-project ${JSON.stringify(projects.join(','))}); searching ${kept.length ? `${kept.join(', ')} only` : 'every project instead'}`);
    }
    if (state.result !== previous.result || state.status !== previous.status || state.params.q !== previous.params.q) render(state);
  });

  function onInput(event?: Event): void {
    if (event && (event as InputEvent).isComposing) return; // search when the IME commits (compositionend)
    const q = pasted.read();
    const params = { ...base, q };
    if (q) controller.setParams(params, { debounce: Boolean(event) });
    else controller.reset(params);
  }

  function open(): void {
    if (!backdrop.hidden) return;
    // into shadow roots: the button that opened it is in one (its host cannot take focus back)
    lastFocus = document.activeElement;
    while (lastFocus?.shadowRoot?.activeElement) lastFocus = lastFocus.shadowRoot.activeElement;
    backdrop.hidden = false;
    overflow = document.documentElement.style.overflow;
    document.documentElement.style.overflow = 'hidden';
    render(controller.getState());
    input.focus();
    input.select();
  }

  function close(): void {
    if (backdrop.hidden) return;
    backdrop.hidden = true;
    document.documentElement.style.overflow = overflow;
    // back where focus was (the page's body is no place to return to: then the button)
    (lastFocus instanceof HTMLElement && lastFocus.isConnected && lastFocus !== document.body ? lastFocus : trigger).focus();
  }

  function onDialogKeyDown(event: KeyboardEvent): void {
    if (isComposing(event)) return; // the key belongs to the input method
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(getNextIndex(active, event.key === 'ArrowDown' ? 1 : -1, options$.length));
    } else if (event.key === 'Enter' && event.target === input) {
      event.preventDefault();
      options$[active]?.choose();
    } else if (event.key === 'Delete' && event.target === input && !input.value && options$[active]?.remove) {
      event.preventDefault();
      options$[active]!.remove!();
    } else if (event.key === 'Tab') {
      // keep focus in the dialog, through everything in it that takes focus ("Only MOSN",
      // "Related questions", the next steps), in order; the options are reached by the arrows
      const focusable = [...dialog.querySelectorAll<HTMLElement>('input, button, a[href]')].filter((node) => node.tabIndex >= 0 && !node.closest('[hidden]'));
      const index = focusable.indexOf(modalRoot.activeElement as HTMLElement);
      const next = focusable[getNextIndex(index, event.shiftKey ? -1 : 1, focusable.length)];
      event.preventDefault();
      next?.focus();
    }
  }

  function onDocumentKeyDown(event: KeyboardEvent): void {
    if (isComposing(event) || event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    event.preventDefault();
    if (backdrop.hidden) open();
    else close();
  }

  trigger.addEventListener('click', open);
  closeButton.addEventListener('click', close);
  backdrop.addEventListener('mousedown', (event) => event.target === backdrop && close());
  dialog.addEventListener('keydown', onDialogKeyDown);
  input.addEventListener('input', onInput);
  input.addEventListener('compositionend', () => onInput());
  seeAll.addEventListener('click', () => recent.add(input.value));
  if (options.hotkey !== false) document.addEventListener('keydown', onDocumentKeyDown);

  return {
    open,
    close,
    destroy() {
      close();
      unsubscribe();
      controller.destroy();
      document.removeEventListener('keydown', onDocumentKeyDown);
      buttonHost.remove();
      modalHost.remove();
    },
  };
}
