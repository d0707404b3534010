/**
 * Highlight tags asked of Meilisearch: private-use characters, which never occur in the
 * corpus's text, so they cannot be confused with anything a post contains (unlike `<mark>`,
 * which a post could contain literally).
 */
export const HIGHLIGHT_PRE_TAG = '\uE000';
export const HIGHLIGHT_POST_TAG = '\uE001';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
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
