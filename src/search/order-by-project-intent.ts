import type { RecordAny, SearchResponse } from 'meilisearch';
import type { QueryVariant } from './build-query-variants.ts';
import type { QueryProjects } from './get-query-projects.ts';

/** Ids of the documents found by the searches for the project names of the query. */
export function getMentioning(termVariants: readonly QueryVariant[], answers: readonly SearchResponse<RecordAny>[], projectGroups: ReadonlySet<string>): Set<string> {
  const ids = new Set<string>();
  termVariants.forEach((variant, i) => {
    if (variant.group && projectGroups.has(variant.group)) for (const hit of answers[i]?.hits ?? []) ids.add(String(hit.id));
  });
  return ids;
}

/**
 * Whether a document is about a project the query names: attributed to it, or its text names it
 * (`projectMentions`: a post may file a question about SOFABoot under SOFARPC). A document that
 * only says a generic word the project is also called (`rpc`) is not about it. An index built
 * before `projectMentions` falls back to the documents the search for the project's name found
 * (`mentioning`), synonyms included.
 */
export function isAboutNamedProject(document: RecordAny, named: QueryProjects, mentioning: ReadonlySet<string>): boolean {
  // (no arrays built: this runs for every candidate of a search)
  const names = (value: unknown) => Array.isArray(value) && value.some((project) => named.projects.includes(String(project)));
  if (names(document.projects) || names(document.projectMentions)) return true;
  return !Array.isArray(document.projectMentions) && mentioning.has(String(document.id));
}

/**
 * The hits of `ids` that rank first for the projects the query names: about a named project and
 * matching some term other than the project's name (`informative`: the documents matching the
 * query without its project words; undefined when the query has no other word). Empty when the
 * query names no project.
 */
export function getProjectFirst(ids: readonly string[], named: QueryProjects, fields: ReadonlyMap<string, RecordAny>, mentioning: ReadonlySet<string>, informative: ReadonlySet<string> | undefined): Set<string> {
  const first = new Set<string>();
  if (named.projects.length === 0) return first;
  for (const id of ids) {
    const document = fields.get(id);
    // a term hit carries its id: no copy needed
    const about = isAboutNamedProject(document && String(document.id) === id ? document : { id, ...document }, named, mentioning);
    if (about && (!informative || informative.has(id))) first.add(id);
  }
  return first;
}
