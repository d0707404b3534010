/**
 * How the catalogue compares project labels (src/data/project-catalogue.yaml): lower case,
 * without spaces, quotes or separators, and without a leading "sofa" (`sofa-rpc`, `rpc` and
 * `SOFARPC` are one project, as are `sofa-mosn` and `MOSN`).
 */
function getProjectKey(name: string): string {
  return name.toLowerCase().replace(/[\s'"`._\-/]+/g, '').replace(/^sofa(?=.)/, '');
}

/**
 * Project names as a page author or a URL wrote them (`mosn`, `sofa-rpc`, `jraft`), as the
 * canonical names of `known` (the `/api/facets` projects) that the API's `project` filter
 * takes; `unknown` are those that name none of them.
 */
export function getCanonicalProjects(names: readonly string[], known: readonly string[]): { projects: string[]; unknown: string[] } {
  const byKey = new Map(known.map((name) => [getProjectKey(name), name]));
  const projects: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const canonical = known.includes(name) ? name : byKey.get(getProjectKey(name));
    if (!canonical) unknown.push(name);
    else if (!projects.includes(canonical)) projects.push(canonical);
  }
  return { projects, unknown };
}
