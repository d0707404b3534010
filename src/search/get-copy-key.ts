import { createHash } from 'node:crypto';

/** The index field holding `getCopyKey` of each document (`toIndexDocument`). */
export const COPY_KEY_FIELD = 'copyKey';

/** NFKC, lower case, without a line's `A：` / `Q：` label and ordered-list numbers (`2. `). */
function withoutFormatting(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(^|\n)[ \t]*[qa][ \t]*[:：]/g, '$1 ')
    .replace(/(^|[\s\p{P}])\d{1,2}[.、)）][ \t]+/gu, '$1 ');
}

/**
 * A question as the copy key compares it: its letters and digits in order (`SOFA RPC` and
 * `SOFARPC` alike), without spaces, punctuation, case, width, a `Q：` label or list numbers.
 */
export function getCopyQuestion(question: string): string {
  return (withoutFormatting(question).match(/[\p{L}\p{N}]+/gu) ?? []).join('');
}

/**
 * An answer as the copy key compares it: its words (runs of letters and digits), sorted, without
 * case, width, an `A：` label or list numbers: a repost that moved a sentence (`master 就是最新分支。
 * https://…` reposted as `https://… master 就是最新分支。`) is the same answer. Version numbers
 * stay (`1.3.0` is the words `1 3 0`): an answer that changed a number is another answer.
 */
export function getCopyAnswerWords(answer: string): string[] {
  return (withoutFormatting(answer).match(/[\p{L}\p{N}]+/gu) ?? []).sort();
}

/**
 * Key of a pair's question and answer: two records with the same key are the same pair posted
 * twice (the same question with the same answer in another weekly post, or a thread reposted
 * whole), which the search lists once (`collapseCopies`). A question reposted with another
 * answer has another key: it is another pair. 16 hex digits of a SHA-256 (a collision between
 * the corpus's few thousand pairs is out of reach).
 */
export function getCopyKey(question: string, answer: string): string {
  const text = `${getCopyQuestion(question)}\u0000${getCopyAnswerWords(answer).join(' ')}`;
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
