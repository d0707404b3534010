import type { SearchRequest } from '../contract/request-schemas.ts';
import { getDateTs } from './search-document.ts';

/**
 * Fields a filter may name: a subset of `FILTERABLE_ATTRIBUTES` (`index-settings.ts`).
 * Nothing a client sends ever becomes a field name.
 */
export const FILTER_FIELDS = { projects: 'projects', year: 'year', kind: 'kind', dateTs: 'dateTs', id: 'id' } as const;

/** The facets a search counts: request parameter -> Meilisearch field -> `facets` key of the answer. */
export const FACETS = [
  { parameter: 'project', field: 'projects', key: 'projects' },
  { parameter: 'year', field: 'year', key: 'years' },
  { parameter: 'kind', field: 'kind', key: 'kinds' },
] as const;
export type Facet = (typeof FACETS)[number];
export type FacetField = Facet['field'];
export const FACET_FIELDS: FacetField[] = FACETS.map((facet) => facet.field);

/**
 * A value as a Meilisearch filter string literal: double-quoted, with `\` and `"` escaped, so
 * no value can close the quotes and add an operator.
 *
 * @see https://www.meilisearch.com/docs/learn/filtering_and_sorting/filter_expression_reference
 */
export function quoteFilterValue(value: string | number): string {
  return `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `field IN [...]` for a list of values, or null when the list is empty. */
export function anyOf(field: string, values: readonly (string | number)[]): string | null {
  if (values.length === 0) return null;
  return `${field} IN [${values.map(quoteFilterValue).join(', ')}]`;
}

/** The kind filter: a document without `kind` (an index built before FAQ pages) is a weekly pair. */
function kindFilter(kinds: readonly string[]): string | null {
  const filter = anyOf(FILTER_FIELDS.kind, kinds);
  return filter && kinds.includes('weekly') ? `(${filter} OR ${FILTER_FIELDS.kind} NOT EXISTS)` : filter;
}

/**
 * The Meilisearch filter for a search's filters (AND of: any of `project`, any of `year`, any
 * of `kind`, the date range), or undefined when there is none. `omit` leaves one facet's own
 * filter out, for that facet's counts.
 */
export function buildFilter(
  request: Pick<SearchRequest, 'project' | 'year' | 'kind' | 'from' | 'to'>,
  options: { omit?: FacetField } = {},
): string | undefined {
  const parts: (string | null)[] = [];
  if (options.omit !== 'projects') parts.push(anyOf(FILTER_FIELDS.projects, request.project));
  if (options.omit !== 'year') parts.push(anyOf(FILTER_FIELDS.year, request.year));
  if (options.omit !== 'kind') parts.push(kindFilter(request.kind));
  const from = request.from ? getDateTs(request.from) : null;
  const to = request.to ? getDateTs(request.to) : null;
  // dateTs is 00:00 UTC of the post's date, so both bounds are inclusive.
  if (from !== null) parts.push(`${FILTER_FIELDS.dateTs} >= ${from}`);
  if (to !== null) parts.push(`${FILTER_FIELDS.dateTs} <= ${to}`);
  const filter = parts.filter((part): part is string => part !== null);
  return filter.length ? filter.join(' AND ') : undefined;
}
