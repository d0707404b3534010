import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { loadYamlDataFile, regexSourceSchema } from './parse-yaml-data.ts';

/** The project catalogue's data file: `src/data/project-catalogue.yaml`. */
export const PROJECT_CATALOGUE_FILE = fileURLToPath(new URL('data/project-catalogue.yaml', import.meta.url));

// zod/mini, as the data-file loader: the catalogue is read on every CLI call (see parse-yaml-data.ts).
const words = (what: string) => z.array(z.string().check(z.trim(), z.minLength(1, `expected a non-empty ${what}`)));

const projectSchema = z.strictObject({
  name: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]*$/, 'a canonical name is letters and digits, e.g. SOFARPC')),
  aliases: words('alias'),
  repos: z.array(z.string().check(z.regex(/^[a-z0-9_.-]+\/[a-z0-9_.-]+$/, 'a repository is owner/name in lower case'))),
  mentions: z.array(regexSourceSchema),
  synonyms: words('synonym'),
});

export const projectCatalogueSchema = z.strictObject({
  /** Labels that name the whole community: an attribution to them names no project. */
  umbrellaLabels: words('label'),
  projects: z.array(projectSchema).check(
    z.minLength(1, 'expected at least one project'),
    z.refine((projects) => new Set(projects.map((project) => project.name)).size === projects.length, 'project names must be unique'),
  ),
});

export type ProjectCatalogueData = z.output<typeof projectCatalogueSchema>;

/**
 * The project catalogue of `file`, validated.
 *
 * @throws {DataFileError} naming the file and the line of the first problem.
 */
export function loadProjectCatalogue(file = PROJECT_CATALOGUE_FILE): ProjectCatalogueData {
  return loadYamlDataFile(file, projectCatalogueSchema);
}
