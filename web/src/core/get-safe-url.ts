/**
 * `url` when it is an http(s) or mailto URL, or a relative one; otherwise null. Corpus and
 * API values go through this before they become an `href` (never `javascript:`).
 */
export function getSafeUrl(url: string | null | undefined, base = 'http://localhost/'): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, base);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? url : null;
  } catch {
    return null;
  }
}
