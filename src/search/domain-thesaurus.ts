import { linkGroups } from './build-synonym-graph.ts';
import { loadDomainThesaurus } from './load-domain-thesaurus.ts';
import { getOwnEntry } from './get-own-entry.ts';

/**
 * Words users write interchangeably for one thing in distributed systems, middleware and Java
 * (`冲正` for `补偿`, `私服` for a private Maven repository, `选主` for `选举`), which no general
 * dictionary holds (scripts/relevance-report.md, sixth pass). The groups are data
 * (`src/data/domain-thesaurus.yaml`, validated at start). Every word of a group stands for every
 * other, in the order the file lists them (the commoner word first), one group or several.
 *
 * Used where a synonym is evidence, always below the word itself: a query term is also searched
 * by its synonyms at `THESAURUS_SEARCH_WEIGHT` (`buildQueryVariants`), and a hit holding a synonym
 * covers the term at `THESAURUS_COVERAGE` (`getTermCoverage`: the strong/weak evidence and the
 * question rerank). Not in the index's Meilisearch synonyms, which would count a synonym like the
 * word itself.
 */
export const DOMAIN_SYNONYMS: Readonly<Record<string, readonly string[]>> = getSynonymLists(Object.values(loadDomainThesaurus()).flat());

/** Word -> the other words of its groups, in group order. */
export function getSynonymLists(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const [from, to] of linkGroups(groups)) {
    if (from === to) continue;
    const list = getOwnEntry(lists, from) ?? (lists[from] = []);
    if (!list.includes(to)) list.push(to);
  }
  return lists;
}

/** Weight of a synonym's search against the term's own (1). */
export const THESAURUS_SEARCH_WEIGHT = 0.6;

/** Coverage of a term by a synonym the text holds (the term itself: 1). */
export const THESAURUS_COVERAGE = 0.8;

/** Most synonyms searched per term: the searches of one query are bounded (`maxTerms`). */
export const MAX_SYNONYMS_PER_TERM = 4;

const HAN = /\p{Script=Han}/u;

/**
 * The thesaurus synonyms of a query word (any case; an English word in any base form, the form
 * first found wins), written in the word's own script first (a Chinese corpus answers a Chinese
 * word in Chinese), at most `MAX_SYNONYMS_PER_TERM`; none when it is in no group.
 */
export function getDomainSynonyms(forms: readonly string[], thesaurus: Readonly<Record<string, readonly string[]>> = DOMAIN_SYNONYMS): string[] {
  for (const form of forms) {
    const found = getOwnEntry(thesaurus, form.toLowerCase());
    if (!found) continue;
    const han = HAN.test(form);
    return [...found.filter((word) => HAN.test(word) === han), ...found.filter((word) => HAN.test(word) !== han)].slice(0, MAX_SYNONYMS_PER_TERM);
  }
  return [];
}
