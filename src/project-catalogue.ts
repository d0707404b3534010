import { loadProjectCatalogue } from './load-project-catalogue.ts';

/**
 * The projects a weekly post can attribute a question to: canonical names, the other
 * spellings seen in posts (misspellings, old names), GitHub repositories, and the words
 * that mean the project when a question mentions it.
 */
export interface Project {
  /** Canonical name, as stored in records and shown in facets. */
  name: string;
  /** Other labels that name the project in attribution lines (compared after `normalizeLabel`). */
  aliases: string[];
  /** `owner/repo` on GitHub, lower case. */
  repos: string[];
  /** Case-insensitive patterns that mean the project when a question or topic header mentions it. */
  mentions: RegExp[];
  /** Search synonyms: words users type for the project (English and Chinese). */
  synonyms: string[];
}

const catalogue = loadProjectCatalogue();

/** Every project, in the catalogue's order (`src/data/project-catalogue.yaml`). */
export const PROJECTS: readonly Project[] = catalogue.projects.map((project) => ({
  ...project,
  mentions: project.mentions.map((source) => new RegExp(source, 'i')),
}));

/** Labels that name the whole community rather than one project: an attribution to them names no project. */
const UMBRELLA_LABELS = new Set(catalogue.umbrellaLabels.map((label) => label.toLowerCase()));

/** Lower case, without spaces, quotes, emphasis and separators, so `「 SOFA-Jraft 」` compares as `sofajraft`. */
export function normalizeLabel(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*_`「」『』"'“”\-]/g, '');
}

const byLabel = new Map<string, Project>();
for (const project of PROJECTS) {
  byLabel.set(normalizeLabel(project.name), project);
  for (const alias of project.aliases) byLabel.set(normalizeLabel(alias), project);
}

/**
 * The project an attribution label names, `null` for an umbrella label (SOFAStack),
 * `undefined` when the label is not a project at all.
 */
export function getProjectByLabel(label: string): Project | null | undefined {
  const key = normalizeLabel(label);
  if (UMBRELLA_LABELS.has(key)) return null;
  return byLabel.get(key);
}

/** The project of a canonical name (as in records), if any. */
export function getProjectByName(name: string): Project | undefined {
  return PROJECTS.find((project) => project.name === name);
}

/** The project whose GitHub repository a URL points into, if any. */
export function getProjectByUrl(url: string): Project | undefined {
  const match = /github\.com\/([\w.-]+)\/([\w.-]+)/i.exec(url);
  if (!match) return undefined;
  const repo = `${match[1]}/${match[2]}`.toLowerCase().replace(/\.git$/, '');
  return PROJECTS.find((project) => project.repos.includes(repo));
}

/** Canonical names of the projects a text mentions, in catalogue order. */
export function getMentionedProjects(text: string): string[] {
  return PROJECTS.filter((project) => project.mentions.some((pattern) => pattern.test(text))).map(
    (project) => project.name,
  );
}

/** How many times a text mentions each project (projects not mentioned are absent). */
export function countProjectMentions(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const project of PROJECTS) {
    let count = 0;
    for (const pattern of project.mentions) {
      count += text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))?.length ?? 0;
    }
    if (count > 0) counts.set(project.name, count);
  }
  return counts;
}

export const PROJECT_NAMES: readonly string[] = PROJECTS.map((project) => project.name);
