import type { SegmentedPair } from './segment-pairs.ts';

/** Markdown of a question: quote markers and a leading `Q：` dropped, so the text reads as written. */
export function questionMarkdown(pair: SegmentedPair): string {
  return pair.questionLines
    .map((line) => line.replace(/^\s*(?:>\s?)+/, ''))
    .join('\n')
    .replace(/^\s*Q\s*[：:]\s*/i, '');
}

/** Drop `A：` markers that start later lines of an answer (several `A：` lines form one answer). */
export function answerMarkdown(pair: SegmentedPair): string {
  return pair.answerLines.map((line) => line.replace(/^\s*(?:\*\*)?(?:A|答)\s*[：:]\s*(?:\*\*)?/i, '')).join('\n');
}
