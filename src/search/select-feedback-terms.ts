import type { RecordAny } from 'meilisearch';
import { getQueryProjects } from './get-query-projects.ts';
import { getQueryTerms } from './get-query-terms.ts';
import { getEnglishGeneralWeight, getGeneralWordWeight } from './general-word-weight.ts';
import { isQueryStopword } from './query-stopwords.ts';
import { getIdf } from './rank-by-term-scores.ts';

/**
 * Pseudo-relevance feedback (experiments only; issue 11, eleventh pass): the words that
 * characterise the best candidates of a first ranking, to be searched again as extra,
 * down-weighted terms (`SearchQaOptions.feedback`). Measured in `scripts/relevance-report.md`.
 */
export interface FeedbackOptions {
  /** Best candidates read (k of RM3; default: 3). */
  documents?: number;
  /** Most feedback words searched (default: 4). */
  terms?: number;
  /** Weight of a feedback word's search in the term scores (default: 0.3). */
  weight?: number;
  /** Fewest of the `documents` a word must be in (default: 2). */
  minDocuments?: number;
  /** Read the answers too, not only the questions (default: false). */
  answers?: boolean;
  /** Only for queries of at least this many terms besides project names: issue titles rather than keywords (default: any). */
  minTerms?: number;
  /** Only when the first ranking has no strong hit (default: false). */
  onlyWithoutStrong?: boolean;
  /** Documents of the corpus holding each word (lower-cased, as `getQueryTerms` splits text), for the words' idf. */
  documentFrequency: ReadonlyMap<string, number>;
  /** Documents of the corpus. */
  documentCount: number;
}

/** The words of a text as query terms, lower-cased: Latin words of 2+ letters, Chinese words of 2+ characters. */
export function getFeedbackWords(text: string): Set<string> {
  return new Set(getQueryTerms(text).filter((term) => [...term.text].length >= 2 && !/^\d+$/.test(term.text)).map((term) => term.text.toLowerCase()));
}

/**
 * The feedback words of the best candidates (`docs`, best first, each with its score relative to
 * the best): score(w) = sum over candidates holding w of their relative score, times idf(w), times
 * the square of its general-language weight; words of the query, stop words, project names and words unknown to the corpus left out. Pure.
 */
export function selectFeedbackTerms(docs: readonly { document: RecordAny; relativeScore: number }[], queryWords: ReadonlySet<string>, options: FeedbackOptions): { text: string; score: number }[] {
  const { terms = 4, minDocuments = 2, answers = false, documentFrequency, documentCount } = options;
  const held = new Map<string, { documents: number; mass: number }>();
  for (const { document, relativeScore } of docs) {
    const text = [document.question, answers ? document.answer : ''].filter((part) => typeof part === 'string').join('\n');
    for (const word of getFeedbackWords(text)) {
      const entry = held.get(word) ?? { documents: 0, mass: 0 };
      entry.documents += 1;
      entry.mass += relativeScore;
      held.set(word, entry);
    }
  }
  const chosen: { text: string; score: number }[] = [];
  for (const [word, { documents, mass }] of held) {
    if (documents < minDocuments || queryWords.has(word)) continue;
    if ([...queryWords].some((q) => q.includes(word) || word.includes(q))) continue;
    const df = documentFrequency.get(word);
    if (!df || df < 2) continue;
    if (isQueryStopword(word) || getQueryProjects(word).projects.length > 0) continue;
    // general language (`使用`, `业务`, `show`) says nothing of the topic, however rare here
    const term = { text: word, script: /\p{Script=Han}/u.test(word) ? 'han' as const : 'latin' as const };
    const specific = getGeneralWordWeight(term) * getEnglishGeneralWeight(term);
    chosen.push({ text: word, score: mass * getIdf(df, documentCount) * specific ** 2 });
  }
  return chosen.sort((a, b) => b.score - a.score).slice(0, terms);
}
