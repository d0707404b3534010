import type { QaRecord } from '../qa-record.ts';
import { toCjkBigramText } from './cjk-bigrams.ts';

/**
 * Fields added to a search document for relevance only: the Chinese character bigrams of the
 * question (with the thread's earlier questions) and of the answer, encoded as index tokens
 * (see `cjk-bigrams.ts`). They are searchable but never displayed.
 */
export interface RelevanceFields {
  /** Bigrams of `question`, then of `context` (earlier questions of a follow-up's thread). */
  questionBigrams: string;
  /** Bigrams of `answer`. */
  answerBigrams: string;
}

/** Names of the bigram fields, in ranking order (question before answer). */
export const BIGRAM_ATTRIBUTES = ['questionBigrams', 'answerBigrams'] as const satisfies readonly (keyof RelevanceFields)[];

/**
 * `document` with the bigram fields added (a new object; the input is not changed).
 * Apply it after the record -> document mapper (`toSearchDocument`), before uploading.
 */
export function withRelevanceFields<T extends Pick<QaRecord, 'question' | 'answer' | 'context'>>(document: T): T & RelevanceFields {
  const questionBigrams = [toCjkBigramText(document.question), toCjkBigramText(document.context ?? '')].filter(Boolean).join(' ');
  return { ...document, questionBigrams, answerBigrams: toCjkBigramText(document.answer) };
}
