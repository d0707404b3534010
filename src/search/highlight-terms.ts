import { getCjkBigrams } from './cjk-bigrams.ts';

/**
 * Mark the query terms in a text, for hits that Meilisearch did not highlight itself (those
 * found only by term searches). Latin words match case-insensitively at word starts (`mosn` in
 * `MOSN`), or whole words within Meilisearch's typo budget (`sofajarft` marks `SOFAJRaft`);
 * Chinese words match by their bigrams, so `注册中心` marks `注册中心` and `中心` alone.
 * Overlapping and touching matches are marked as one run. The text is not HTML-escaped, like
 * Meilisearch's own `_formatted` values.
 */

export interface HighlightOptions {
  /** Text before a match (default: `<mark>`). */
  preTag?: string;
  /** Text after a match (default: `</mark>`). */
  postTag?: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const byLengthDesc = (a: string, b: string) => b.length - a.length;

const LATIN_WORD = /[\p{Script=Latin}0-9][\p{Script=Latin}0-9._-]*/gu;
/** A Latin word of a text, without the punctuation that may follow it (`SOFAJRaft.`). */
const TEXT_WORD = /[\p{Script=Latin}0-9]+(?:[._-][\p{Script=Latin}0-9]+)*/gu;

/**
 * Typos Meilisearch forgives in a word of `length` characters, by its default rule
 * (`minWordSizeForTypos`: one from 5 characters, two from 9).
 */
export function getTypoBudget(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * Whether `a` and `b` are at most `budget` edits apart (insertions, deletions, substitutions,
 * transpositions of neighbours: optimal string alignment distance), with the same first
 * character (Meilisearch counts a typo there as two).
 */
export function isWithinTypos(a: string, b: string, budget: number): boolean {
  if (Math.abs(a.length - b.length) > budget || a[0] !== b[0]) return false;
  if (a === b) return true;
  // Rows of the distance table, two back for transpositions.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > budget) return false;
    before = previous;
    previous = current;
  }
  return previous[b.length]! <= budget;
}

interface Needles {
  /** The Latin needles, longest first, each at the start of a word; null when there is none. */
  latin: RegExp | null;
  /** The Chinese bigrams, found anywhere (plain substrings: no pattern needed). */
  han: string[];
  /** Latin needles long enough to forgive typos, lower case. */
  typoNeedles: string[];
  /** Verdicts by lower-case text word: a page's fields share most of their words. */
  typoVerdicts: Map<string, boolean>;
}

/**
 * The needles of `words`: Latin words of two characters or more, matched at the start of a
 * word (`AT` marks `AT` and `ATM` but not `data`), and Chinese bigrams, matched anywhere.
 */
function getNeedles(words: readonly string[]): Needles {
  const latin = new Set<string>();
  const han = new Set<string>();
  for (const word of words) {
    for (const piece of word.match(LATIN_WORD) ?? []) if (piece.length >= 2) latin.add(piece.toLowerCase());
    for (const bigram of getCjkBigrams(word)) han.add(bigram);
  }
  return {
    // Longest first, so the longest needle wins at a position.
    latin: latin.size > 0 ? new RegExp(`(?<![\\p{Script=Latin}0-9])(?:${[...latin].sort(byLengthDesc).map(escapeRegExp).join('|')})`, 'giu') : null,
    han: [...han],
    typoNeedles: [...latin].filter((needle) => getTypoBudget(needle.length) > 0),
    typoVerdicts: new Map(),
  };
}

/** Add `[start, end]` to sorted, disjoint `intervals`, merging what overlaps or touches it. */
function addInterval(intervals: [number, number][], start: number, end: number): void {
  let i = 0;
  while (i < intervals.length && intervals[i]![1] < start) i++;
  let j = i;
  while (j < intervals.length && intervals[j]![0] <= end) {
    start = Math.min(start, intervals[j]![0]);
    end = Math.max(end, intervals[j]![1]);
    j++;
  }
  intervals.splice(i, j - i, [start, end]);
}

/** Needles by words list (not modified after): a page highlights every field of every hit with the same list. */
const needlesByWords = new WeakMap<readonly string[], Needles>();

/**
 * Where `words` occur in `text`: sorted, disjoint, non-touching `[start, end)` ranges (what
 * `highlightTerms` wraps in its tags).
 */
export function findHighlights(text: string, words: readonly string[]): [number, number][] {
  let needles = needlesByWords.get(words);
  if (!needles) {
    needles = getNeedles(words);
    needlesByWords.set(words, needles);
  }
  const { latin, han, typoNeedles, typoVerdicts } = needles;
  if ((!latin && han.length === 0) || !text) return [];
  // Every needle's occurrences, overlapping ones too (bigrams overlap by one character): the
  // Latin ones by their pattern, the bigrams by `indexOf` (one pattern of every needle, with
  // its case folding, cost several times more on a page's texts).
  const found: [number, number][] = [];
  if (latin) {
    latin.lastIndex = 0;
    for (let match = latin.exec(text); match; match = latin.exec(text)) {
      found.push([match.index, match.index + match[0].length]);
      // Step one character forward so that a needle starting inside this one is found too: a
      // whole character, since a `u` pattern set inside a surrogate pair starts again at the
      // pair and would find the same match forever (Latin letters beyond the BMP, U+1DF00...).
      latin.lastIndex = match.index + (text.codePointAt(match.index)! > 0xffff ? 2 : 1);
    }
  }
  for (const bigram of han) {
    for (let at = text.indexOf(bigram); at >= 0; at = text.indexOf(bigram, at + 1)) found.push([at, at + bigram.length]);
  }
  // One source is in text order already; no two needles start at the same place.
  if (han.length > 1 || (latin && han.length > 0)) found.sort((a, b) => a[0] - b[0]);
  // Merge the overlapping and touching ones.
  const intervals: [number, number][] = [];
  for (const [start, end] of found) {
    const last = intervals[intervals.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else intervals.push([start, end]);
  }
  if (typoNeedles.length > 0) {
    for (const match of text.matchAll(TEXT_WORD)) {
      const word = match[0].toLowerCase();
      let verdict = typoVerdicts.get(word);
      if (verdict === undefined) {
        verdict = typoNeedles.some((needle) => isWithinTypos(word, needle, getTypoBudget(needle.length)));
        typoVerdicts.set(word, verdict);
      }
      if (verdict) addInterval(intervals, match.index, match.index + match[0].length);
    }
  }
  return intervals;
}

/** `text` with each of `ranges` (sorted, disjoint `[start, end)`) wrapped in `pre` and `post`. Pure. */
export function wrapRanges(text: string, ranges: readonly (readonly [number, number])[], pre: string, post: string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += text.slice(at, start) + pre + text.slice(start, end) + post;
    at = end;
  }
  return out + text.slice(at);
}

/** `text` with every occurrence of `words` wrapped in the highlight tags. */
export function highlightTerms(text: string, words: readonly string[], options: HighlightOptions = {}): string {
  return wrapRanges(text, findHighlights(text, words), options.preTag ?? '<mark>', options.postTag ?? '</mark>');
}
