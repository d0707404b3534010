import { getCjkBigrams } from './cjk-bigrams.ts';
import { THESAURUS_COVERAGE } from './domain-thesaurus.ts';
import { getEnglishBaseForms } from './term-expansions.ts';
import type { QueryTerm } from './get-query-terms.ts';
import { getOwnEntry } from './get-own-entry.ts';

/**
 * How much of one query term a document's text contains, in [0, 1]: the evidence a reader
 * would check to accept a hit as an answer ("does it talk about what I asked?"). A Latin term
 * counts when the text has it at a word start (any English base form: `timeouts` ->
 * `timeout`), or one of its Chinese equivalents, or one of its synonyms (`jraft` ~
 * `SOFAJRaft`); a Chinese word counts whole when the text has it, else by the share of its
 * bigrams the text has (`复制延迟` in a text with `复制` only: 0.5). A word of the term's domain
 * thesaurus group (`冲正` ~ `补偿`) counts `THESAURUS_COVERAGE`: another word, good evidence, not
 * the reader's own.
 */

export interface CoverageOptions {
  /** Lower-cased word -> its synonyms (the index's synonyms). */
  synonyms?: Readonly<Record<string, readonly string[]>>;
  /**
   * Documents containing each bigram of the term, when known: a bigram no document contains
   * is left out of the share (it joins two words, `做选` of `只做|选主`, and names nothing),
   * unless none of the term's bigrams is in any document (an unknown word: nothing covers it).
   */
  bigramFrequency?: ReadonlyMap<string, number>;
  /**
   * What a synonym of the term counts when the text lacks the term itself (default: 1, as the
   * term): less than 1 makes the reader's own word count more than another word for it
   * (`sidecar` in a question over `MOSN`, a catalogue synonym of it). Only another word of the
   * same language: a synonym holding the term (`SOFATracer` for `tracer`) or in the other script
   * (`create` for `创建`, a translation) counts as the term.
   */
  synonymCoverage?: number;
}

const HAN = /\p{Script=Han}/u;

/** What `synonym` of `term` counts: the term's own word or a translation 1, another word `synonymCoverage`. */
function synonymValue(term: string, synonym: string, synonymCoverage: number): number {
  if (synonymCoverage >= 1 || HAN.test(term) !== HAN.test(synonym)) return 1;
  return synonym.toLowerCase().includes(term.toLowerCase()) ? 1 : synonymCoverage;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Word-start patterns by word: a search checks the same few words in every candidate's text. */
const wordStarts = new Map<string, RegExp>();
const MAX_PATTERNS = 1_000;

function hasLatin(text: string, word: string): boolean {
  if (!word) return false;
  let pattern = wordStarts.get(word);
  if (!pattern) {
    if (wordStarts.size >= MAX_PATTERNS) wordStarts.clear();
    // no `g` flag: `test` keeps no state between texts
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}`, 'iu');
    wordStarts.set(word, pattern);
  }
  return pattern.test(text);
}

/** Whether `text` holds `word`: a Chinese word anywhere, any other at a word start. */
function holdsWord(text: string, word: string): boolean {
  return /\p{Script=Han}/u.test(word) ? text.includes(word) : hasLatin(text, word);
}

function hanShare(text: string, word: string, frequency?: ReadonlyMap<string, number>): number {
  if (text.includes(word)) return 1;
  const all = [...new Set(getCjkBigrams(word))];
  const known = frequency ? all.filter((bigram) => (frequency.get(bigram) ?? 1) > 0) : all;
  const bigrams = known.length > 0 ? known : all;
  if (bigrams.length === 0) return 0;
  return bigrams.filter((bigram) => text.includes(bigram)).length / bigrams.length;
}

/** Share of `term` found in `text` (lower-case `text` is not required). */
export function getTermCoverage(text: string, term: QueryTerm, options: CoverageOptions = {}): number {
  const synonymCoverage = options.synonymCoverage ?? 1;
  if (term.script === 'han') {
    let best = hanShare(text, term.text, options.bigramFrequency);
    for (const synonym of getOwnEntry(options.synonyms, term.text) ?? []) {
      const value = synonymValue(term.text, synonym, synonymCoverage);
      if (best < value && (hasLatin(text, synonym) || text.includes(synonym))) best = value;
    }
    return Math.max(best, getThesaurusCoverage(text, term, best));
  }
  const lower = term.text.toLowerCase();
  const forms = new Set([lower, ...lower.split(' ').length === 1 ? getEnglishBaseForms(lower) : []]);
  for (const form of forms) if (hasLatin(text, form)) return 1;
  let best = 0;
  for (const translation of term.translations) best = Math.max(best, hanShare(text, translation) >= 1 ? 1 : 0);
  for (const synonym of getOwnEntry(options.synonyms, lower) ?? []) {
    const value = synonymValue(lower, synonym, synonymCoverage);
    if (best < value && holdsWord(text, synonym)) best = value;
  }
  return Math.max(best, getThesaurusCoverage(text, term, best));
}

/** `THESAURUS_COVERAGE` when `text` holds one of the term's thesaurus synonyms and `best` is less, else 0. */
function getThesaurusCoverage(text: string, term: QueryTerm, best: number): number {
  if (best >= THESAURUS_COVERAGE) return 0;
  for (const synonym of term.synonyms ?? []) if (holdsWord(text, synonym)) return THESAURUS_COVERAGE;
  return 0;
}
