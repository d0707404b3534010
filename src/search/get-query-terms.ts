import { getCjkBigrams } from './cjk-bigrams.ts';
import { getTopicPhrases } from './get-topic-phrases.ts';

/**
 * The separate terms of a query, for searches of one term each: its Latin words (project
 * names, identifiers, English words, numbers) and the Chinese bigrams *inside* its words.
 *
 * Bigrams are taken within each ICU word (`分片` from `分片`, not `片数` from `分片|数据`),
 * and across runs of single-character words, which are usually a word ICU does not know
 * (`冲|正` -> `冲正`). Bigrams across two known words join nothing meaningful and, being rare,
 * would weigh the most in a ranking by rarity.
 */

export interface QueryTerms {
  /** Latin words in query order, without repeats (case kept). */
  words: string[];
  /** Chinese bigrams in query order, without repeats. */
  bigrams: string[];
}

const HAN_ONLY = /^\p{Script=Han}+$/u;
const LATIN_WORD = /^[\p{Script=Latin}0-9][\p{Script=Latin}0-9._:/-]*$/u;

/** The terms of `text` after stop words are removed (see `getTopicPhrases`). */
export function getQueryTerms(text: string, locale = 'zh'): QueryTerms {
  const words: string[] = [];
  const bigrams: string[] = [];
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  for (const phrase of getTopicPhrases(text, locale)) {
    // Latin words: whole phrase pieces split at script changes (`enable-swagger` stays whole).
    for (const piece of phrase.split(/(?=\p{Script=Han})|(?<=\p{Script=Han})/u)) {
      if (LATIN_WORD.test(piece)) words.push(piece);
    }
    let singles = '';
    const flushSingles = () => {
      bigrams.push(...getCjkBigrams(singles));
      singles = '';
    };
    for (const part of segmenter.segment(phrase)) {
      if (!part.isWordLike || !HAN_ONLY.test(part.segment)) {
        flushSingles();
      } else if ([...part.segment].length === 1) {
        singles += part.segment;
      } else {
        flushSingles();
        bigrams.push(...getCjkBigrams(part.segment));
      }
    }
    flushSingles();
  }
  return { words: [...new Set(words)], bigrams: [...new Set(bigrams)] };
}
