import type { QaRecord } from '../qa-record.ts';
import { toCjkBigramText } from './cjk-bigrams.ts';

/**
 * Fields added to a search document for relevance only: the Chinese character bigrams of the
 * question, of the answer and of the thread's earlier questions, encoded as index tokens
 * (see `cjk-bigrams.ts`). They are searchable but never displayed.
 */
export interface RelevanceFields {
  /** Bigrams of `question`. */
  questionBigrams: string;
  /** Bigrams of `answer`. */
  answerBigrams: string;
  /** Bigrams of `context` (a follow-up's earlier questions; empty for first questions). */
  contextBigrams: string;
}

/** Names of the bigram fields, in ranking order: question, answer, then the thread's context. */
export const BIGRAM_ATTRIBUTES = ['questionBigrams', 'answerBigrams', 'contextBigrams'] as const satisfies readonly (keyof RelevanceFields)[];

/**
 * `document` with the bigram fields added (a new object; the input is not changed).
 * Apply it after the record -> document mapper (`toSearchDocument`), before uploading.
 */
export function withRelevanceFields<T extends Pick<QaRecord, 'question' | 'answer' | 'context'>>(document: T): T & RelevanceFields {
  return {
    ...document,
    questionBigrams: toCjkBigramText(document.question),
    answerBigrams: toCjkBigramText(document.answer),
    contextBigrams: toCjkBigramText(document.context ?? ''),
  };
}
