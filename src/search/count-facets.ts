import type { FacetDistribution, RecordAny } from 'meilisearch';
import type { FacetCounts } from '../contract/search-result.ts';
import { FACETS, type Facet } from './build-filter.ts';

/** Count one facet value (arrays hold several; nothing, null and objects count nothing). */
function countValue(counts: Record<string, number>, item: unknown): void {
  if (item === undefined || item === null || typeof item === 'object') return;
  const key = String(item);
  counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * Meilisearch-style counts of `fields` over `documents` (array values count each element). A
 * document without `kind` (an index built before FAQ pages) is a weekly pair. No array is built
 * per value: this runs over every candidate of a search.
 */
export function countFacets(documents: Iterable<RecordAny>, fields: readonly string[]): FacetDistribution {
  const distribution: FacetDistribution = {};
  for (const field of fields) distribution[field] = {};
  for (const document of documents) {
    for (const field of fields) {
      const counts = distribution[field]!;
      const value = document[field] ?? (field === 'kind' ? 'weekly' : undefined);
      if (Array.isArray(value)) for (const item of value) countValue(counts, item);
      else countValue(counts, value);
    }
  }
  return distribution;
}

/**
 * The answer's `facets` from the distribution of the whole result set and, for each filtered
 * facet, its own counts without its selection. A selected value matching nothing shows up
 * with 0.
 */
export function toFacetCounts(distribution: FacetDistribution, own: readonly { facet: Facet; counts: FacetDistribution[string] | undefined }[], selected: (facet: Facet) => readonly (string | number)[]): FacetCounts {
  const facets = {} as FacetCounts;
  for (const facet of FACETS) {
    const counts = { ...(own.find((entry) => entry.facet === facet)?.counts ?? distribution[facet.field] ?? {}) };
    for (const value of selected(facet)) counts[String(value)] ??= 0;
    facets[facet.key] = counts;
  }
  return facets;
}
