import { countProjectMentions } from '../../../src/project-catalogue.ts';
import type { ProjectSource } from '../../../src/qa-record.ts';
import type { SegmentedPair } from './segment-pairs.ts';

/** How the projects of one pair were decided. */
export interface ProjectDecision {
  projects: string[];
  /** Which rule decided (`null`: nothing did, `projects` is empty). */
  source: ProjectSource | null;
  /** For `inferred`: the classifier's probability of its project (0-1); else null. */
  confidence: number | null;
  /**
   * Set when an attribution line or topic header decided, but the pair's own question and answer
   * name one other project and never the decided one: the post may have misfiled it.
   */
  conflict: { named: string } | null;
}

/** Guesses the project of a text nothing in the post names (see `createProjectClassifier`). */
export type ProjectInferrer = (text: string) => { project: string; confidence: number } | null;

/** Projects mentioned most often in `texts` (all of them on a tie); [] when none is. */
function mostMentioned(texts: string[]): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const [name, count] of countProjectMentions(text)) counts.set(name, (counts.get(name) ?? 0) + count);
  }
  const top = Math.max(0, ...counts.values());
  return top === 0 ? [] : [...counts].filter(([, count]) => count === top).map(([name]) => name);
}

/** The one other project a pair's own words name, when they name exactly one and none of `decided`. */
function getConflict(pair: SegmentedPair, decided: string[]): ProjectDecision['conflict'] {
  if (decided.length === 0) return null;
  const named = [...countProjectMentions([...pair.questionLines, ...pair.answerLines].join('\n')).keys()];
  if (named.length !== 1 || decided.includes(named[0] ?? '')) return null;
  return { named: named[0] ?? '' };
}

/**
 * The projects of each pair, in order of precedence (the decision's `source`):
 * 1. `attribution`: the attribution line(s) covering it, read literally (an umbrella label such as
 *    SOFAStack names no project), except for a thread the post plainly misfiled: one that lost its
 *    own attribution line and sits in a group whose attribution belongs to the next thread, while
 *    the same asker's previous thread was attributed on its own;
 * 2. `header`: the `关于 X 的提问` topic header whose section holds it;
 * 3. `mention`: the projects its question (then its thread's questions, then answers) mention most;
 * 4. `inferred`: what `infer` (a classifier learned from attributed pairs) guesses from its question
 *    and answer, when it is confident enough.
 * Pure: returns one decision per pair, in the same order.
 */
export function assignProjects(pairs: readonly SegmentedPair[], infer?: ProjectInferrer): ProjectDecision[] {
  const threadPairs = new Map<number, SegmentedPair[]>();
  for (const pair of pairs) threadPairs.set(pair.thread, [...(threadPairs.get(pair.thread) ?? []), pair]);

  const fromContent = (pair: SegmentedPair): string[] => {
    const thread = threadPairs.get(pair.thread) ?? [pair];
    const own = mostMentioned([pair.questionLines.join('\n')]);
    if (own.length > 0) return own;
    const questions = mostMentioned(thread.map((p) => p.questionLines.join('\n')));
    if (questions.length > 0) return questions;
    return mostMentioned(thread.map((p) => p.answerLines.join('\n')));
  };

  const decided = (pair: SegmentedPair, projects: string[], source: ProjectSource): ProjectDecision => ({
    projects,
    source,
    confidence: null,
    conflict: getConflict(pair, projects),
  });

  return pairs.map((pair, index): ProjectDecision => {
    if (pair.attributed) {
      const group = pairs.filter((p) => p.attributionGroup === pair.attributionGroup);
      const lastThread = group.at(-1)?.thread;
      if (pair.thread !== lastThread) {
        const previous = pairs.slice(0, index).reverse().find((p) => p.thread < pair.thread);
        const previousIsOwnGroup =
          previous?.attributed && previous.attributionGroup !== pair.attributionGroup && previous.asker === pair.asker && previous.asker !== null;
        if (previousIsOwnGroup && previous?.attributed) return decided(pair, previous.attributed, 'attribution');
      }
      return decided(pair, pair.attributed, 'attribution');
    }
    if (pair.topicProjects) return decided(pair, pair.topicProjects, 'header');
    const mentioned = fromContent(pair);
    if (mentioned.length > 0) return { projects: mentioned, source: 'mention', confidence: null, conflict: null };
    const guess = infer?.([...pair.questionLines, ...pair.answerLines].join('\n')) ?? null;
    if (guess) return { projects: [guess.project], source: 'inferred', confidence: guess.confidence, conflict: null };
    return { projects: [], source: null, confidence: null, conflict: null };
  });
}
