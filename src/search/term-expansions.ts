import { buildSynonymGraph } from './build-synonym-graph.ts';
import { loadTermExpansions } from './load-term-expansions.ts';
import { getOwnEntry } from './get-own-entry.ts';

/**
 * A small English -> Chinese glossary of the general software terms the weekly answers use,
 * so an English query (`registry lease expiry`) can find a Chinese answer (`注册中心 租约 过期`).
 *
 * Only general vocabulary of distributed systems and Java/Go middleware belongs here (taken
 * from the most frequent technical words of the corpus); project names and their words live
 * in `src/project-catalogue.ts`. Keys are lower case; multi-word keys are matched as phrases.
 * Used two ways: a query's English term is also searched by its Chinese equivalents
 * (`findExpandableTerms`, through `getQueryTerms`), and the pairs are index synonyms
 * (`getTermSynonyms`). `expandQueryTerms` rewrites a whole query, for whole-query variants.
 * The terms are data (`src/data/term-expansions.yaml`), validated when this module loads: a
 * malformed file stops the start with its file and line.
 */
export const TERM_EXPANSIONS: Readonly<Record<string, readonly string[]>> = loadTermExpansions();

/** Longest glossary key, in words. */
const MAX_KEY_WORDS = Math.max(...Object.keys(TERM_EXPANSIONS).map((key) => key.split(' ').length));

/**
 * Candidate base forms of an English word, the word itself first: plural and verb endings are
 * stripped (`exceptions` -> `exception`, `retries` -> `retry`, `renewed` -> `renew`,
 * `subscribing` -> `subscribe`), so the glossary lists each term once.
 */
export function getEnglishBaseForms(word: string): string[] {
  const w = word.toLowerCase();
  const forms = [w];
  if (w.length > 4 && w.endsWith('ies')) forms.push(`${w.slice(0, -3)}y`);
  if (w.length > 3 && w.endsWith('es')) forms.push(w.slice(0, -2));
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) forms.push(w.slice(0, -1));
  if (w.length > 4 && w.endsWith('ed')) forms.push(w.slice(0, -2), w.slice(0, -1));
  if (w.length > 5 && w.endsWith('ing')) forms.push(w.slice(0, -3), `${w.slice(0, -3)}e`);
  return [...new Set(forms)];
}

function lookUp(words: readonly string[]): { term: string; expansions: readonly string[] } | undefined {
  // Inflection is only stripped from the last word of a phrase (`global locks`).
  const head = words.slice(0, -1).map((w) => w.toLowerCase());
  for (const last of getEnglishBaseForms(words[words.length - 1] ?? '')) {
    const term = [...head, last].join(' ');
    const expansions = getOwnEntry(TERM_EXPANSIONS, term);
    if (expansions) return { term, expansions };
  }
  return undefined;
}

/** One English term found in a query and its Chinese equivalents. */
export interface TermMatch {
  /** The term as written in the query (words joined by one space). */
  text: string;
  /** Key of `TERM_EXPANSIONS`. */
  term: string;
  expansions: readonly string[];
  /** Index of its first and one past its last word in the list given to `findExpandableTerms`. */
  start: number;
  end: number;
}

/**
 * The glossary terms among `words` (a query's words in order), longest phrase first, without
 * overlaps. Words in capitals (acronyms such as `AT`, `TC`) are never translated.
 */
export function findExpandableTerms(words: readonly string[]): TermMatch[] {
  const matches: TermMatch[] = [];
  for (let start = 0; start < words.length; ) {
    let found: TermMatch | undefined;
    for (let size = Math.min(MAX_KEY_WORDS, words.length - start); size >= 1 && !found; size--) {
      const phrase = words.slice(start, start + size);
      if (phrase.some((word) => !/^[A-Za-z][A-Za-z-]*$/.test(word) || /^[A-Z]{2,}$/.test(word))) continue;
      const hit = lookUp(phrase);
      if (hit) found = { text: phrase.join(' '), term: hit.term, expansions: hit.expansions, start, end: start + size };
    }
    if (found) {
      matches.push(found);
      start = found.end;
    } else {
      start += 1;
    }
  }
  return matches;
}

/**
 * `words` with each glossary term replaced by its first Chinese equivalent, joined by spaces
 * (`['registry', 'lease']` -> `注册中心 租约`); other words are kept as they are.
 */
export function expandQueryTerms(words: readonly string[]): string {
  const out: string[] = [];
  let next = 0;
  for (const match of findExpandableTerms(words)) {
    out.push(...words.slice(next, match.start), match.expansions[0] ?? match.text);
    next = match.end;
  }
  out.push(...words.slice(next));
  return out.join(' ');
}

/** The glossary as synonym links: each English term and its Chinese equivalents stand for each other. */
export function* getTermSynonymLinks(glossary: Readonly<Record<string, readonly string[]>> = TERM_EXPANSIONS): Generator<[string, string]> {
  for (const [term, expansions] of Object.entries(glossary)) {
    for (const chinese of expansions) {
      yield [term, chinese];
      yield [chinese, term];
    }
  }
}

/**
 * The glossary as Meilisearch synonyms (lower-cased keys, sorted values).
 *
 * @see https://www.meilisearch.com/docs/learn/relevancy/synonyms
 */
export function getTermSynonyms(glossary: Readonly<Record<string, readonly string[]>> = TERM_EXPANSIONS): Record<string, string[]> {
  return buildSynonymGraph(getTermSynonymLinks(glossary));
}
