import type { ContentSource } from '../content-source.ts';
import { globToRegExp, matchesAnyGlob } from '../glob-to-regexp.ts';
import { extractFaqPage } from './extract-faq-page.ts';

/** The docs site's FAQ pages, relative to the checkout's root. */
export const DEFAULT_FAQ_INCLUDE = ['**/content/*/faq/**', '**/content/*/projects/*/faq/**'] as const;

export interface FaqSourceOptions {
  /** Globs of FAQ pages relative to the root (default: `DEFAULT_FAQ_INCLUDE`). */
  include?: readonly string[];
  /** Base of the docs site's public URLs (default: https://www.sofastack.tech/). */
  baseUrl?: string;
}

/** The docs FAQ pages as a content source: each question heading with its answer is a record. */
export function createFaqSource(options: FaqSourceOptions = {}): ContentSource {
  const include = (options.include ?? DEFAULT_FAQ_INCLUDE).map(globToRegExp);
  return {
    kind: 'faq',
    matches: (source) => matchesAnyGlob(include, source),
    extract: (text, source, path) => extractFaqPage(text, source, path, { baseUrl: options.baseUrl }),
  };
}
