import { getCjkBigrams } from './cjk-bigrams.ts';

/**
 * Mark the query terms in a text, for hits that Meilisearch did not highlight itself (those
 * found only by term searches). Latin words match case-insensitively anywhere (`mosn` in
 * `MOSN`); Chinese words match by their bigrams, so `注册中心` marks `注册中心` and `中心` alone.
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

/**
 * One pattern for the needles of `words`: Latin words of two characters or more, matched at
 * the start of a word (`AT` marks `AT` and `ATM` but not `data`), and Chinese bigrams, matched
 * anywhere. Null when there is no needle.
 */
function getPattern(words: readonly string[]): RegExp | null {
  const latin = new Set<string>();
  const han = new Set<string>();
  for (const word of words) {
    for (const piece of word.match(/[\p{Script=Latin}0-9][\p{Script=Latin}0-9._-]*/gu) ?? []) if (piece.length >= 2) latin.add(piece.toLowerCase());
    for (const bigram of getCjkBigrams(word)) han.add(bigram);
  }
  const alternatives: string[] = [];
  // Longest first, so the longest needle wins at a position.
  if (latin.size > 0) alternatives.push(`(?<![\\p{Script=Latin}0-9])(?:${[...latin].sort(byLengthDesc).map(escapeRegExp).join('|')})`);
  if (han.size > 0) alternatives.push(...[...han].map(escapeRegExp));
  return alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'giu') : null;
}

/** Patterns by words list: a page highlights every field of every hit with the same list. */
const patterns = new WeakMap<readonly string[], RegExp | null>();

/** `text` with every occurrence of `words` wrapped in the highlight tags. */
export function highlightTerms(text: string, words: readonly string[], options: HighlightOptions = {}): string {
  let pattern = patterns.get(words);
  if (pattern === undefined) {
    pattern = getPattern(words);
    patterns.set(words, pattern);
  }
  if (!pattern || !text) return text;
  pattern.lastIndex = 0;
  // Collect match intervals, merging overlaps (bigrams overlap by one character).
  const intervals: [number, number][] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    const last = intervals[intervals.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else intervals.push([start, end]);
    // Step one code unit forward so overlapping bigrams (`注册`, `册中`) are all found.
    pattern.lastIndex = start + 1;
  }
  if (intervals.length === 0) return text;
  const pre = options.preTag ?? '<mark>';
  const post = options.postTag ?? '</mark>';
  let out = '';
  let at = 0;
  for (const [start, end] of intervals) {
    out += text.slice(at, start) + pre + text.slice(start, end) + post;
    at = end;
  }
  return out + text.slice(at);
}
