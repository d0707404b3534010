/** The part of a catalogue project the index settings use. */
export interface ProjectSynonymSource {
  name: string;
  synonyms: readonly string[];
}

/** Canonical project name -> its search synonyms, the input of `getIndexSettings`. */
export function getProjectSynonyms(projects: readonly ProjectSynonymSource[]): Record<string, string[]> {
  return Object.fromEntries(projects.map((p) => [p.name, [...p.synonyms]]));
}

/**
 * Synonyms from the project catalogue (`src/project-catalogue.ts`, `PROJECTS`), or `{}` when
 * the catalogue is not there. Loaded by a computed path so this file builds before the
 * catalogue lands; switch to a static import once it has.
 */
export async function loadProjectSynonyms(): Promise<Record<string, string[]>> {
  const catalogue = '../src/project-catalogue.ts';
  try {
    const mod = (await import(catalogue)) as { PROJECTS?: readonly ProjectSynonymSource[] };
    return mod.PROJECTS ? getProjectSynonyms(mod.PROJECTS) : {};
  } catch {
    return {};
  }
}
