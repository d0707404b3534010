import { buildQueryVariants, getTermGroup, normalizeQuery, type QueryVariant, type QueryVariantOptions } from './build-query-variants.ts';
import { getQueryProjects, isProjectWord, type QueryProjects } from './get-query-projects.ts';
import { getQueryTerms, type QueryTerm } from './get-query-terms.ts';
import { BIGRAM_ATTRIBUTES } from './relevance-document.ts';
import { TEXT_ATTRIBUTES } from './index-settings.ts';
import { reducePaste } from './reduce-paste.ts';
import { stripIssueTags } from './strip-issue-tags.ts';

/** What a query asks, before anything is sent: its terms, the projects it names, its searches. */
export interface UnderstoodQuery {
  /** What is searched for: the query, or what identifies a pasted log in it (`reducePaste`), without an issue title's category tags (`stripIssueTags`). */
  searchedFor: string;
  /** `searchedFor` normalized (`normalizeQuery`). */
  text: string;
  terms: QueryTerm[];
  /** Projects the query names (`getQueryProjects`), whose hits rank first. */
  named: QueryProjects;
  /** Term groups of the words that named a project: left out of the coverage of a hit. */
  projectGroups: Set<string>;
  /** The term searches (`buildQueryVariants`); empty for a blank query. */
  termVariants: QueryVariant[];
}

/** Searches ranked together by idf-weighted term scores (`rankTermSet`). */
export const isTermSearch = (variant: QueryVariant) => variant.kind === 'term' || variant.kind === 'joint' || variant.kind === 'pair';

/**
 * Understand `q`: reduce a paste, drop an issue title's category tags, split it into terms, find the projects it names and build
 * its term searches. Pure. `variants` changes how the searches are built (experiments only;
 * whole-query variants are left to the caller: `scripts/search-with-variants.ts`).
 */
export function understandQuery(q: string, variants: Partial<QueryVariantOptions> = {}): UnderstoodQuery {
  // The empty query (the page's first screen, the most frequent search) lists the index.
  if (!q.trim()) return { searchedFor: q, text: '', terms: [], named: { projects: [], words: [] }, projectGroups: new Set(), termVariants: [] };
  const searchedFor = stripIssueTags(reducePaste(q));
  const text = normalizeQuery(searchedFor);
  const terms = getQueryTerms(text, 'zh', { synonyms: variants.synonyms === true });
  const named = getQueryProjects(text);
  const projectGroups = new Set(terms.filter((term) => isProjectWord(term.text, named)).map(getTermGroup));
  const built = buildQueryVariants(text, { textAttributes: TEXT_ATTRIBUTES, bigramAttributes: BIGRAM_ATTRIBUTES, terms, ...variants });
  return { searchedFor, text, terms, named, projectGroups, termVariants: built.filter(isTermSearch) };
}
