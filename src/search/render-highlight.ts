import { wrapRanges } from './highlight-terms.ts';

/**
 * Highlight tags asked of Meilisearch: private-use characters, which never occur in the
 * corpus's text, so they cannot be confused with anything a post contains (unlike `<mark>`,
 * which a post could contain literally).
 */
export const HIGHLIGHT_PRE_TAG = '\uE000';
export const HIGHLIGHT_POST_TAG = '\uE001';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const HTML_SPECIAL = /[&<>"']/;

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  // most texts have nothing to escape: no copy then
  return HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char) : text;
}

const SENTINEL = /[\uE000\uE001]/;

/**
 * Safe HTML of `text` with `ranges` (sorted, disjoint, non-touching `[start, end)`) marked:
 * what `renderHighlight` makes of the text with the ranges wrapped in the sentinels, in one pass.
 * A text holding a sentinel itself goes that way (`renderHighlight` drops the strays).
 */
export function renderRanges(text: string, ranges: readonly (readonly [number, number])[]): string {
  if (!text) return '';
  if (SENTINEL.test(text)) return renderHighlight(wrapRanges(text, ranges, HIGHLIGHT_PRE_TAG, HIGHLIGHT_POST_TAG));
  let html = '';
  let at = 0;
  for (const [start, end] of ranges) {
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at));
}

/**
 * Turn a Meilisearch `_formatted` value highlighted with `HIGHLIGHT_PRE_TAG`/`HIGHLIGHT_POST_TAG`
 * into safe HTML: everything is HTML-escaped, then only the sentinels become `<mark>`/`</mark>`.
 * Marks are always balanced (a stray sentinel is dropped), so the result carries no markup but
 * `<mark>` elements whatever the corpus contains.
 */
export function renderHighlight(formatted: string | null | undefined): string {
  if (!formatted) return '';
  let open = false;
  let html = '';
  for (const part of escapeHtml(formatted).split(/([\uE000\uE001])/)) {
    if (part === HIGHLIGHT_PRE_TAG) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === HIGHLIGHT_POST_TAG) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += part;
    }
  }
  return open ? `${html}</mark>` : html;
}
