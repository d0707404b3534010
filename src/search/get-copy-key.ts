import { createHash } from 'node:crypto';

/** The index field holding `getCopyKey` of each document (`toIndexDocument`). */
export const COPY_KEY_FIELD = 'copyKey';

/**
 * NFKC, lower case, without a line's `A：` / `Q：` label and ordered-list numbers (`2. ` at a
 * line's start or after punctuation: `is 30. You` keeps its number).
 */
function withoutFormatting(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(^|\n)[ \t]*[qa][ \t]*[:：]/g, '$1 ')
    .replace(/(^|[\n\p{P}])[ \t]*\d{1,2}[.、)）][ \t]+/gu, '$1\n');
}

/** A text's letters and digits, the runs joined by one space. */
function wordsOf(text: string): string {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/**
 * A question as the copy key compares it: its letters and digits in order (`SOFA RPC` and
 * `SOFARPC` alike), without spaces, punctuation, case, width, a `Q：` label or list numbers.
 */
export function getCopyQuestion(question: string): string {
  return wordsOf(withoutFormatting(question)).replaceAll(' ', '');
}

/**
 * An answer as the copy key compares it: its sentences (split at sentence punctuation, line
 * breaks and around links), each its words in order, the sentences sorted, without case, width,
 * an `A：` label or list numbers: a repost that moved a sentence (`master 就是最新分支。https://…`
 * reposted as `https://… master 就是最新分支。`) is the same answer, while one that swapped words
 * inside a sentence (`MOSN 支持，Envoy 不支持` / `MOSN 不支持，Envoy 支持`) or changed a number
 * (`1.3.0`, `timeout is 30. `) is another.
 */
export function getCopyAnswerSentences(answer: string): string[] {
  return withoutFormatting(answer)
    .replace(/https?:\/\/\S+/g, '\n$&\n')
    .split(/[。！？!?；;\n]|\.(?=\s)/)
    .map(wordsOf)
    .filter(Boolean)
    .sort();
}

/**
 * Key of a pair's question and answer: two records with the same key are the same pair posted
 * twice (the same question with the same answer in another weekly post, or a thread reposted
 * whole), which the search lists once (`collapseCopies`). A question reposted with another
 * answer has another key: it is another pair. 16 hex digits of a SHA-256 (a collision between
 * the corpus's few thousand pairs is out of reach).
 */
export function getCopyKey(question: string, answer: string): string {
  const text = `${getCopyQuestion(question)}\u0000${getCopyAnswerSentences(answer).join('\n')}`;
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
