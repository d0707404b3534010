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
 * A label of 7 or more letters also names its project with one letter wrong or two swapped
 * (`sofajarft`, `sofabot` is too short), never with a letter added or dropped.
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
  /**
   * Text the lower-cased query must contain for `pattern` to match, when that is certain (a label
   * of ASCII and Chinese characters: in NFKC text only ASCII letters fold to ASCII letters), else
   * ''. Most queries name no project: a substring check spares running ~100 patterns per search.
   */
  needle: string;
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
      const literal = /^sofa./.test(label) ? label.slice(4) : label;
      patterns.push({
        project: project.name,
        pattern: new RegExp(latin ? `(?<![\\p{Script=Latin}\\p{N}])${body}(?![\\p{Script=Latin}\\p{N}])` : body, 'giu'),
        needle: /^[\x00-\x7f\p{Script=Han}]+$/u.test(literal) ? literal : '',
      });
    }
  }
  return patterns;
}

const DEFAULT_PATTERNS = labelPatterns(PROJECTS);

/** Labels long enough that one typo in them is still unmistakable (`sofajarft`). */
const MIN_TYPO_LABEL = 7;

/** Specific Latin labels of at least `MIN_TYPO_LABEL` characters, normalized, by project. */
function typoLabels(projects: readonly Project[]): { project: string; label: string }[] {
  return projects.flatMap((project) => [...new Set([project.name, ...project.aliases].map(normalizeLabel))]
    .filter((label) => /^[a-z0-9.]+$/.test(label) && label.length >= MIN_TYPO_LABEL && !GENERIC_PROJECT_WORDS.has(label))
    .map((label) => ({ project: project.name, label })));
}

const DEFAULT_TYPO_LABELS = typoLabels(PROJECTS);

/**
 * Whether `word` is `label` with one letter replaced or two neighbouring letters swapped: the
 * typos that keep a word's length. A letter added or dropped is not one (`sofajraftx`, `mosnd`
 * are other words).
 */
export function isOneTypoAway(word: string, label: string): boolean {
  if (word.length !== label.length || word === label) return false;
  const diff: number[] = [];
  for (let i = 0; i < word.length && diff.length <= 2; i++) if (word[i] !== label[i]) diff.push(i);
  if (diff.length === 1) return /[a-z]/.test(word[diff[0]!]!) && /[a-z]/.test(label[diff[0]!]!);
  const [i, j] = diff as [number, number];
  return diff.length === 2 && j === i + 1 && word[i] === label[j] && word[j] === label[i];
}

/** The projects `query` names (see the module comment). */
export function getQueryProjects(query: string, projects?: readonly Project[]): QueryProjects {
  const patterns = projects ? labelPatterns(projects) : DEFAULT_PATTERNS;
  const text = query.normalize('NFKC');
  const lower = text.toLowerCase();
  const found: { project: string; index: number; word: string }[] = [];
  for (const { project, pattern, needle } of patterns) {
    if (needle && !lower.includes(needle)) continue;
    for (const match of text.matchAll(pattern)) found.push({ project, index: match.index, word: normalizeLabel(match[0]) });
  }
  // A project name typed with one typo (`sofajarft 跨机房`) names it too, where no label did.
  const typos = projects ? typoLabels(projects) : DEFAULT_TYPO_LABELS;
  for (const match of text.matchAll(/(?<![\p{Script=Latin}\p{N}])[\p{Script=Latin}\p{N}]{7,}(?![\p{Script=Latin}\p{N}])/gu)) {
    const word = normalizeLabel(match[0]);
    if (found.some((f) => f.index === match.index)) continue;
    const hit = typos.find(({ label }) => isOneTypoAway(word, label));
    if (hit) found.push({ project: hit.project, index: match.index, word });
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
