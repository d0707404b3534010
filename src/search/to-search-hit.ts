import type { RecordAny } from 'meilisearch';
import { toApiRecord, type StoredRecord } from '../contract/api-record.ts';
import type { SearchHit } from '../contract/search-result.ts';
import { findHighlights } from './highlight-terms.ts';
import { renderRanges } from './render-highlight.ts';

/**
 * A stored document as an API hit: its record fields, safe highlights of `words` in the
 * question and answer (none for a listing), and how it matched.
 */
export function toSearchHit(document: RecordAny, words: readonly string[], match: Pick<SearchHit, 'match' | 'score'>): SearchHit {
  const mark = (text: unknown) => {
    if (typeof text !== 'string') return '';
    return renderRanges(text, words.length ? findHighlights(text, words) : []);
  };
  return {
    ...toApiRecord(document as StoredRecord),
    highlight: { question: mark(document.question), answer: mark(document.answer) },
    match: match.match,
    score: match.score,
  };
}
