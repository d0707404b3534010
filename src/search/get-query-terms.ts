import { getCjkBigrams } from './cjk-bigrams.ts';
import { getTopicPhrases } from './get-topic-phrases.ts';
import { getQueryWords } from './segment-query.ts';
import { getDomainSynonyms } from './domain-thesaurus.ts';
import { findExpandableTerms, getEnglishBaseForms } from './term-expansions.ts';

/**
 * The separate terms of a query, in query order, after its stop words are removed
 * (`getTopicPhrases`): Latin words (project names, identifiers, English words, numbers),
 * English glossary phrases with their Chinese equivalents (`TERM_EXPANSIONS`), and Chinese
 * words with their character bigrams.
 *
 * Chinese words are ICU's, except that a single character is glued to the word before it
 * (or after it, at the start of a run): ICU leaves suffixes and unknown words in single
 * characters (`状态|机`, `版本|号`, `宕|机`), which are pieces of one word far more often
 * than words of their own. Bigrams are taken within these words only: a bigram across two
 * words (`态数` of `状态|数据`) names nothing and, being rare, would weigh the most in a ranking
 * by rarity.
 */

export interface QueryTerm {
  /** The term as written (a glossary phrase's words joined by one space). */
  text: string;
  script: 'latin' | 'han';
  /** Chinese bigrams of a Han term (empty for Latin terms and single characters). */
  bigrams: string[];
  /** Chinese equivalents of an English glossary term (empty otherwise). */
  translations: readonly string[];
  /** Words of its domain thesaurus groups (`getDomainSynonyms`): searched and counted below the term itself. */
  synonyms?: readonly string[];
}

const HAN = /\p{Script=Han}/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;

interface Token {
  text: string;
  script: 'latin' | 'han';
}

/** Tokens of one topic phrase: Latin runs whole (`enable-swagger`), Han runs as ICU words. */
function tokenize(phrase: string, locale: string): Token[][] {
  // Runs of Han words that touch each other; a Latin token ends a run.
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (const piece of phrase.split(/(?=\p{Script=Han})(?<!\p{Script=Han})|(?<=\p{Script=Han})(?!\p{Script=Han})/u)) {
    if (!piece) continue;
    if (HAN.test(piece)) {
      for (const word of getQueryWords(piece, locale)) if (HAN_ONLY.test(word)) run.push({ text: word, script: 'han' });
    } else {
      if (run.length) runs.push(run);
      run = [];
      const latin = piece.replace(/^[-_.:/]+|[-_.:/]+$/g, '');
      if (/[\p{L}\p{N}]/u.test(latin)) runs.push([{ text: latin, script: 'latin' }]);
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/**
 * Words of a Han run with ICU's single characters glued: a lone single character joins the
 * word before it (or after it, at the start of the run); two or more in a row form a word.
 */
function glueSingles(run: readonly Token[]): string[] {
  const words: string[] = [];
  let carry = ''; // a lone single character at the start, waiting for the next word
  for (let i = 0; i < run.length; ) {
    let singles = '';
    while (i < run.length && [...run[i]!.text].length === 1) singles += run[i++]!.text;
    if ([...singles].length >= 2) words.push(singles);
    else if (singles && words.length > 0) words[words.length - 1] += singles;
    else carry = singles;
    if (i < run.length) {
      words.push(carry + run[i++]!.text);
      carry = '';
    }
  }
  if (carry) words.push(carry);
  return words;
}

/**
 * The terms of `query` in order, without repeats; with `synonyms`, each carries its domain
 * thesaurus synonyms (`getDomainSynonyms`).
 */
export function getQueryTerms(query: string, locale = 'zh', options: { synonyms?: boolean } = {}): QueryTerm[] {
  const synonymsOf = (forms: readonly string[]) => (options.synonyms ? getDomainSynonyms(forms) : []);
  const tokens: Token[] = [];
  for (const phrase of getTopicPhrases(query, locale)) {
    for (const run of tokenize(phrase, locale)) {
      if (run[0]?.script === 'latin') tokens.push(run[0]);
      else for (const word of glueSingles(run)) tokens.push({ text: word, script: 'han' });
    }
  }
  const matches = findExpandableTerms(tokens.map((token) => token.text));
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const push = (term: QueryTerm) => {
    const key = term.text.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    terms.push(term);
  };
  for (let i = 0; i < tokens.length; ) {
    const match = matches.find((m) => m.start === i);
    if (match) {
      push({ text: match.text, script: 'latin', bigrams: [], translations: match.expansions, synonyms: synonymsOf(getEnglishBaseForms(match.text)) });
      i = match.end;
      continue;
    }
    const token = tokens[i]!;
    const synonyms = synonymsOf(token.script === 'han' ? [token.text] : getEnglishBaseForms(token.text));
    push({ text: token.text, script: token.script, bigrams: token.script === 'han' ? [...new Set(getCjkBigrams(token.text))] : [], translations: [], synonyms });
    i += 1;
  }
  return terms;
}
