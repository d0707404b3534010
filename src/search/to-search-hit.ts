import type { RecordAny } from 'meilisearch';
import { toApiRecord, type StoredRecord } from '../contract/api-record.ts';
import type { PairCopy, SearchHit } from '../contract/search-result.ts';
import { findHighlights } from './highlight-terms.ts';
import { renderRanges } from './render-highlight.ts';

/**
 * A stored document as an API hit: its record fields, safe highlights of `words` in the
 * question and answer (none for a listing), how it matched, and the other posts of the same
 * pair (`copies`: their stored documents, default none).
 */
export function toSearchHit(document: RecordAny, words: readonly string[], match: Pick<SearchHit, 'match' | 'score'>, copies: readonly RecordAny[] = []): SearchHit {
  const mark = (text: unknown) => {
    if (typeof text !== 'string') return '';
    return renderRanges(text, words.length ? findHighlights(text, words) : []);
  };
  return {
    ...toApiRecord(document as StoredRecord),
    highlight: { question: mark(document.question), answer: mark(document.answer) },
    match: match.match,
    score: match.score,
    alsoIn: copies.map(toPairCopy),
  };
}

/** Where a copy of a hit's pair is: its id and its post's page, date and title. */
export function toPairCopy(document: RecordAny): PairCopy {
  const { id, url, date, title } = toApiRecord(document as StoredRecord);
  return { id, url, date, title };
}
