import type { ApiClient } from './api-client.ts';
import { getCanonicalProjects } from './get-canonical-projects.ts';

/**
 * `names` (a widget's `data-project`, a page URL's `project`) as the API's canonical project
 * names, from `/api/facets`. A name that matches no project is dropped with one console
 * warning, so the searches run unfiltered instead of each failing. Null when the facets cannot
 * be read (the API is down): the caller searches with the names as written and may ask again.
 */
export async function resolveProjects(client: Pick<ApiClient, 'getFacets'>, names: string[]): Promise<string[] | null> {
  if (names.length === 0) return names;
  let known: string[];
  try {
    known = Object.keys((await client.getFacets()).projects);
  } catch {
    return null;
  }
  const { projects, unknown } = getCanonicalProjects(names, known);
  if (unknown.length) console.warn(`weekly-faq: no project named ${unknown.map((name) => JSON.stringify(name)).join(', ')} (known: ${known.join(', ')}); searching ${projects.length ? projects.join(', ') : 'every project'} instead`);
  return projects;
}
