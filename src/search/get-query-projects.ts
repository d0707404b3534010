import { PROJECTS, normalizeLabel, type Project } from '../project-catalogue.ts';
import { GENERIC_PROJECT_WORDS } from './generic-project-words.ts';

/**
 * The projects a query names, through any name or alias of the catalogue (`jraft`,
 * `sofa-boot`, `SOFA RPC`, `铜锁`), never through topic words (`注册中心`, `分布式事务`: those are
 * what a question is about, not which project it asks about). Latin labels match whole words
 * only, with or without the separator after `sofa` (`sofarpc`, `sofa-rpc`, `sofa rpc`, `com.alipay.sofa.rpc`); Chinese
 * text typed against a label is a word boundary (`关闭jraft的日志`). An alias that is also a common
 * technical term (`rpc`, `registry`: `GENERIC_PROJECT_WORDS`) names no project: `rpc 超时` asks
 * about RPC timeouts, `SOFARPC 超时` about the project; a project's own name always counts.
 */

export interface QueryProjects {
  /** Canonical names, in the order the query names them, without repeats. */
  projects: string[];
  /** The words of the query that named them, lower case and normalized (`sofarpc` for `SOFA-RPC`). */
  words: string[];
}

interface LabelPattern {
  project: string;
  pattern: RegExp;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pattern per specific label: `sofa-rpc` -> `sofa[\s._-]?rpc` between non-word characters. */
function labelPatterns(projects: readonly Project[]): LabelPattern[] {
  const patterns: LabelPattern[] = [];
  for (const project of projects) {
    const name = normalizeLabel(project.name);
    const labels = new Set([project.name, ...project.aliases].map(normalizeLabel));
    for (const label of labels) {
      if (label !== name && GENERIC_PROJECT_WORDS.has(label)) continue;
      const body = /^sofa./.test(label) ? `sofa[\\s._-]?${escapeRegExp(label.slice(4))}` : escapeRegExp(label);
      const latin = /^[a-z0-9]/.test(label);
      patterns.push({
        project: project.name,
        pattern: new RegExp(latin ? `(?<![\\p{Script=Latin}\\p{N}])${body}(?![\\p{Script=Latin}\\p{N}])` : body, 'giu'),
      });
    }
  }
  return patterns;
}

const DEFAULT_PATTERNS = labelPatterns(PROJECTS);

/** The projects `query` names (see the module comment). */
export function getQueryProjects(query: string, projects?: readonly Project[]): QueryProjects {
  const patterns = projects ? labelPatterns(projects) : DEFAULT_PATTERNS;
  const text = query.normalize('NFKC');
  const found: { project: string; index: number; word: string }[] = [];
  for (const { project, pattern } of patterns) {
    for (const match of text.matchAll(pattern)) found.push({ project, index: match.index, word: normalizeLabel(match[0]) });
  }
  found.sort((a, b) => a.index - b.index);
  return {
    projects: [...new Set(found.map((f) => f.project))],
    words: [...new Set(found.map((f) => f.word))],
  };
}

/** Whether a query term (`getQueryTerms`) is one of the words that named a project. */
export function isProjectWord(term: string, named: QueryProjects): boolean {
  return named.words.includes(normalizeLabel(term));
}
