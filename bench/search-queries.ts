import { toSearchRequest, type SearchRequest } from '../src/contract/request-schemas.ts';

/** A search as the benchmarks write it (years as numbers, lists named in the plural). */
export interface SearchParams {
  q: string;
  projects: string[];
  years: number[];
  from?: string | undefined;
  to?: string | undefined;
  sort: SearchRequest['sort'];
  page: number;
  hitsPerPage: number;
}

/** The API's search request for `params`. */
export function toSearchRequestOf(params: SearchParams): SearchRequest {
  const { projects, years, ...rest } = params;
  return toSearchRequest({ ...rest, project: projects, year: years });
}

/** One benchmark search: what a reader typed, with the filters the page and widget send. */
export interface BenchQuery {
  kind: 'keywords' | 'natural' | 'english' | 'filters' | 'empty';
  params: Partial<SearchParams>;
}

/**
 * The fixed list of realistic searches of the search benchmarks: project names and Chinese
 * keywords, natural questions as readers ask them, English words, filtered searches (project,
 * year, dates, sort, page 2) and the empty query with facets (the page's first screen).
 */
export const BENCH_QUERIES: BenchQuery[] = [
  { kind: 'keywords', params: { q: 'SOFARPC 超时' } },
  { kind: 'keywords', params: { q: 'jraft 选举' } },
  { kind: 'keywords', params: { q: 'MOSN 内存' } },
  { kind: 'keywords', params: { q: 'seata 回滚失败' } },
  { kind: 'keywords', params: { q: 'sofaboot 启动报错' } },
  { kind: 'keywords', params: { q: 'ark 插件 类加载' } },
  { kind: 'keywords', params: { q: 'rheakv' } },
  { kind: 'keywords', params: { q: 'layotto' } },
  { kind: 'natural', params: { q: 'SOFARPC 调用超时时间怎么设置？' } },
  { kind: 'natural', params: { q: 'MOSN 和 Envoy 有什么区别' } },
  { kind: 'natural', params: { q: 'SOFAJRaft 如何实现线性一致读？' } },
  { kind: 'natural', params: { q: 'SOFARegistry 的数据是怎么同步到 session 的' } },
  { kind: 'english', params: { q: 'timeout' } },
  { kind: 'english', params: { q: 'istio sidecar' } },
  { kind: 'english', params: { q: 'how to configure the registry address' } },
  { kind: 'english', params: { q: 'leader election snapshot' } },
  { kind: 'filters', params: { q: '超时', years: [2020, 2021] } },
  { kind: 'filters', params: { q: '如何', projects: ['SOFARPC', 'SOFABoot'], from: '2019-06-01', to: '2021-12-31' } },
  { kind: 'filters', params: { q: '配置', sort: 'newest' } },
  { kind: 'filters', params: { q: 'MOSN', page: 2 } },
  { kind: 'empty', params: { q: '' } },
  { kind: 'empty', params: { q: '', projects: ['SOFAJRaft'] } },
];

/** The full request, with the API's defaults. */
export function toSearchParams(params: Partial<SearchParams>): SearchParams {
  return { q: '', projects: [], years: [], sort: 'relevance', page: 1, hitsPerPage: 10, ...params };
}

/** `/api/search?...` for `params` (only what differs from the defaults). */
export function toApiPath(params: SearchParams): string {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  for (const project of params.projects) search.append('project', project);
  for (const year of params.years) search.append('year', String(year));
  if (params.from) search.set('from', params.from);
  if (params.to) search.set('to', params.to);
  if (params.sort !== 'relevance') search.set('sort', params.sort);
  if (params.page !== 1) search.set('page', String(params.page));
  if (params.hitsPerPage !== 10) search.set('hitsPerPage', String(params.hitsPerPage));
  return `/api/search?${search}`;
}
