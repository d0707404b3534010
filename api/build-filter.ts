import { getDateTs } from '../src/search/search-document.ts';
import type { SearchParams } from './search-backend.ts';

/**
 * Fields a filter may name: a subset of `FILTERABLE_ATTRIBUTES` (src/search/index-settings.ts).
 * Nothing a client sends ever becomes a field name.
 */
export const FILTER_FIELDS = { projects: 'projects', year: 'year', dateTs: 'dateTs', id: 'id' } as const;

/** The facets the API counts, by their Meilisearch field. */
export const FACET_FIELDS = ['projects', 'year'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/**
 * A value as a Meilisearch filter string literal: double-quoted, with `\` and `"` escaped, so
 * no value can close the quotes and add an operator.
 *
 * @see https://www.meilisearch.com/docs/learn/filtering_and_sorting/filter_expression_reference
 */
export function quoteFilterValue(value: string | number): string {
  return `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function anyOf(field: string, values: readonly (string | number)[]): string | null {
  if (values.length === 0) return null;
  return `${field} IN [${values.map(quoteFilterValue).join(', ')}]`;
}

/**
 * The Meilisearch filter for a search's filters (AND of: any of `projects`, any of `years`,
 * the date range), or undefined when there is none. `omit` leaves one facet's own filter out,
 * for that facet's counts.
 */
export function buildFilter(
  params: Pick<SearchParams, 'projects' | 'years' | 'from' | 'to'>,
  options: { omit?: FacetField } = {},
): string | undefined {
  const parts: (string | null)[] = [];
  if (options.omit !== 'projects') parts.push(anyOf(FILTER_FIELDS.projects, params.projects));
  if (options.omit !== 'year') parts.push(anyOf(FILTER_FIELDS.year, params.years));
  const from = params.from ? getDateTs(params.from) : null;
  const to = params.to ? getDateTs(params.to) : null;
  // dateTs is 00:00 UTC of the post's date, so both bounds are inclusive.
  if (from !== null) parts.push(`${FILTER_FIELDS.dateTs} >= ${from}`);
  if (to !== null) parts.push(`${FILTER_FIELDS.dateTs} <= ${to}`);
  const filter = parts.filter((part): part is string => part !== null);
  return filter.length ? filter.join(' AND ') : undefined;
}
