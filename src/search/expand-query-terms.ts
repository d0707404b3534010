import type { QueryVariant } from './build-query-variants.ts';
import { TEXT_ATTRIBUTES } from './index-settings.ts';
import type { UnderstoodQuery } from './understand-query.ts';

/** Words a term is associated with in the corpus (e.g. by co-occurrence), each with the weight its search gets. */
export type TermAssociations = ReadonlyMap<string, readonly { text: string; weight: number }[]>;

/** Groups of expansion searches start with this (left out of coverage and the informative score). */
export const EXPANSION_GROUP = 'expand:';

/**
 * One extra term search per associated word of the query's terms (`associations`, keyed by
 * the lower-cased term), each a group of its own with the association's weight; words the
 * query has already are not added. Pure.
 */
export function getExpansionVariants(understood: Pick<UnderstoodQuery, 'terms' | 'projectGroups'>, associations: TermAssociations, maxSearches = 6): QueryVariant[] {
  const present = new Set(understood.terms.map((term) => term.text.toLowerCase()));
  const variants: QueryVariant[] = [];
  for (const term of understood.terms) {
    for (const { text, weight } of associations.get(term.text.toLowerCase()) ?? []) {
      if (variants.length >= maxSearches || present.has(text)) continue;
      present.add(text);
      variants.push({ name: `expand:${term.text}>${text}`, kind: 'term', q: text, matchingStrategy: 'all', attributesToSearchOn: [...TEXT_ATTRIBUTES], weight, group: `${EXPANSION_GROUP}${text}` });
    }
  }
  return variants;
}
