import { MAX_PAGE, MAX_QUERY_LENGTH } from '../../../src/contract/search-constants.ts';
import { SORT_ORDERS, type SortOrder } from './api-types.ts';

/**
 * What a search asks for, as the page's URL and the API spell it (`q`, `project`, `year`,
 * `from`, `to`, `sort`, `page`). Years stay strings (`"2021"`), as in the facet counts.
 */
export interface SearchParams {
  q: string;
  projects: string[];
  years: string[];
  /** Inclusive `YYYY-MM-DD` bounds, or `''`. */
  from: string;
  to: string;
  sort: SortOrder;
  /** 1-based. */
  page: number;
}

export const DEFAULT_PARAMS: SearchParams = { q: '', projects: [], years: [], from: '', to: '', sort: 'relevance', page: 1 };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const YEAR = /^\d{4}$/;

/**
 * Values of a list as people write them, repeated or comma-separated (`?project=mosn,sofarpc`,
 * `data-project="mosn, nope"`), as the API reads them: each trimmed, empty and repeated ones dropped.
 */
export function splitList(values: readonly string[]): string[] {
  return [...new Set(values.flatMap((value) => value.split(',')).map((v) => v.trim()).filter(Boolean))];
}

/** True when a filter (project, year or date) narrows the search. */
export function hasFilters(params: SearchParams): boolean {
  return params.projects.length > 0 || params.years.length > 0 || params.from !== '' || params.to !== '';
}

/** `params` without its filters (query and sort kept), on page 1. */
export function withoutFilters(params: SearchParams): SearchParams {
  return { ...params, projects: [], years: [], from: '', to: '', page: 1 };
}

/**
 * The query string for `params` (without `?`): defaults are left out, so `/` is the empty
 * search and a copied URL stays short. The same string works for the page and `/api/search`.
 */
export function getQueryString(params: SearchParams): string {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  for (const project of params.projects) search.append('project', project);
  for (const year of params.years) search.append('year', year);
  if (params.from) search.set('from', params.from);
  if (params.to) search.set('to', params.to);
  if (params.sort !== 'relevance') search.set('sort', params.sort);
  if (params.page > 1) search.set('page', String(params.page));
  return search.toString();
}

/**
 * Read search params from a query string (`location.search`). Anything malformed is dropped
 * rather than sent on to fail at the API: a hand-edited URL still opens a search.
 */
export function parseSearchParams(query: string): SearchParams {
  const search = new URLSearchParams(query);
  const date = (value: string | null) => (value && DATE.test(value) ? value : '');
  const sort = search.get('sort') as SortOrder | null;
  const page = Number(search.get('page'));
  let from = date(search.get('from'));
  let to = date(search.get('to'));
  if (from && to && from > to) [from, to] = [to, from];
  return {
    q: (search.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH),
    projects: splitList(search.getAll('project')),
    years: splitList(search.getAll('year')).filter((y) => YEAR.test(y)),
    from,
    to,
    sort: sort && SORT_ORDERS.includes(sort) ? sort : 'relevance',
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

/**
 * The longest query string a link or a GET carries; a longer question (a pasted log) goes by
 * POST and is left out of links. Node refuses request heads over 16 KB (a 431 with no body) and
 * proxies, CDNs and old browsers cut URLs at 2-8 KB; about 2,000 bytes is the length every hop
 * has carried since IE's 2,083. It still holds a typed question (2,000 ASCII characters, ~220
 * percent-encoded Chinese ones), which keeps GET and its HTTP caching for those.
 */
export const MAX_GET_QUERY_BYTES = 2000;

/** True when `query` (a query string, all ASCII: its length is its size in bytes) fits a URL. */
export function fitsInUrl(query: string): boolean {
  return query.length <= MAX_GET_QUERY_BYTES;
}

/** `?q=...` for a link that carries the question back (a permalink), or `''` when there is none or it is too long for a URL. */
export function getQuestionSuffix(q: string): string {
  const suffix = q ? `?q=${encodeURIComponent(q)}` : '';
  return fitsInUrl(suffix) ? suffix : '';
}

/** True when both ask for the same search. */
export function isSameSearch(a: SearchParams, b: SearchParams): boolean {
  return getQueryString(a) === getQueryString(b);
}
