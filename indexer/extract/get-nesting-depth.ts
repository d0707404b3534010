/** Posts nest lists, quotes and tags a few levels deep; this is far beyond any real one. */
export const MAX_NESTING_DEPTH = 100;

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * How deep a markdown fragment can nest once parsed, estimated from its text in one linear pass:
 * the most container markers (`>`, list bullets, `1.`) opening one line plus their indentation,
 * the deepest nesting of HTML tags, of `[` brackets, and the longest run of emphasis delimiters.
 * The markdown parser, the tree walks, the sanitizer and the HTML serializer all recurse once per
 * level, and micromark's time grows fast with depth (a 5,000-level list takes ~40 s before the
 * stack overflows), so fragments are checked with this before they are parsed. Pure.
 */
export function getNestingDepth(markdown: string): number {
  let max = 0;
  for (const line of markdown.split('\n')) {
    const prefix = /^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/.exec(line)?.[0];
    if (!prefix) continue;
    const markers = prefix.match(/>|[-+*]|\d{1,9}[.)]/g)?.length ?? 0;
    const indent = (/^[ \t]*/.exec(line)?.[0] ?? '').replace(/\t/g, '    ').length;
    max = Math.max(max, markers + Math.floor(indent / 2));
  }
  let tags = 0;
  for (const match of markdown.matchAll(/<(\/?)([a-zA-Z][\w-]*)\b[^<>]*?(\/?)>/g)) {
    if (VOID_TAGS.has((match[2] ?? '').toLowerCase()) || match[3]) continue;
    tags = match[1] ? Math.max(0, tags - 1) : tags + 1;
    max = Math.max(max, tags);
  }
  let brackets = 0;
  for (let index = 0; index < markdown.length; index += 1) {
    const char = markdown.charCodeAt(index);
    if (char === 91 /* [ */) max = Math.max(max, (brackets += 1));
    else if (char === 93 /* ] */ && brackets > 0) brackets -= 1;
  }
  for (const run of markdown.match(/[*_~]{8,}/g) ?? []) max = Math.max(max, run.length);
  return max;
}
