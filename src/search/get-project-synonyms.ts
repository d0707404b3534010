import { PROJECTS } from '../project-catalogue.ts';

/** The part of a catalogue project the index settings use. */
export interface ProjectSynonymSource {
  name: string;
  synonyms: readonly string[];
}

/**
 * Canonical project name -> its search synonyms, the input of `getIndexSettings`
 * (default: the project catalogue, `src/project-catalogue.ts`).
 */
export function getProjectSynonyms(projects: readonly ProjectSynonymSource[] = PROJECTS): Record<string, string[]> {
  return Object.fromEntries(projects.map((p) => [p.name, [...p.synonyms]]));
}
