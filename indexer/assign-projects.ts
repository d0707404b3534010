import { countProjectMentions } from '../src/project-catalogue.ts';
import type { SegmentedPair } from './segment-pairs.ts';

/** Projects mentioned most often in `texts` (all of them on a tie); [] when none is. */
function mostMentioned(texts: string[]): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const [name, count] of countProjectMentions(text)) counts.set(name, (counts.get(name) ?? 0) + count);
  }
  const top = Math.max(0, ...counts.values());
  return top === 0 ? [] : [...counts].filter(([, count]) => count === top).map(([name]) => name);
}

/**
 * The projects of each pair, in order of precedence:
 * 1. the attribution line(s) covering it, read literally, except for a thread the post plainly
 *    misfiled: one that lost its own attribution line and sits in a group whose attribution
 *    belongs to the next thread, while the same asker's previous thread was attributed on its own;
 * 2. the `关于 X 的提问` header above it;
 * 3. the projects its thread's questions (then answers) mention.
 * Pure: returns one list per pair, in the same order.
 */
export function assignProjects(pairs: readonly SegmentedPair[]): string[][] {
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

  return pairs.map((pair, index) => {
    if (pair.attributed) {
      const group = pairs.filter((p) => p.attributionGroup === pair.attributionGroup);
      const lastThread = group.at(-1)?.thread;
      if (pair.thread !== lastThread) {
        const previous = pairs.slice(0, index).reverse().find((p) => p.thread < pair.thread);
        const previousIsOwnGroup =
          previous?.attributed && previous.attributionGroup !== pair.attributionGroup && previous.asker === pair.asker && previous.asker !== null;
        if (previousIsOwnGroup && previous?.attributed) return previous.attributed;
      }
      return pair.attributed;
    }
    if (pair.topicProjects) return pair.topicProjects;
    return fromContent(pair);
  });
}
