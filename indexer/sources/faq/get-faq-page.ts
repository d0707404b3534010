import type { RecordLang } from '../../../src/qa-record.ts';
import { getProjectByLabel } from '../../../src/project-catalogue.ts';

/** What a FAQ page's path says about it. */
export interface FaqPage {
  lang: RecordLang;
  /** The page's path on the site, without language prefix or file name: `projects/sofa-rpc/faq`. */
  sitePath: string;
  /** Canonical project of its `projects/<folder>/`, or null (the site-wide FAQ). */
  project: string | null;
}

/**
 * Language, site path and project of a FAQ page from its path under the docs checkout
 * (`content/en/projects/sofa-rpc/faq/index.md`): the language folder (default `zh`, the site's
 * default language), the Hugo page path (a page bundle's `index.md` / `_index.md` is its folder),
 * the project folder looked up in the catalogue. Pure.
 */
export function getFaqPage(source: string): FaqPage {
  const withoutContent = source.replace(/^(?:.*\/)?content\//, '');
  const langMatch = /^(zh|en)\//.exec(withoutContent);
  const lang: RecordLang = langMatch?.[1] === 'en' ? 'en' : 'zh';
  const sitePath = (langMatch ? withoutContent.slice(langMatch[0].length) : withoutContent)
    .replace(/(?:^|\/)_?index\.(?:md|markdown)$/i, '')
    .replace(/\.(?:md|markdown)$/i, '');
  const folder = /(?:^|\/)projects\/([^/]+)\//.exec(`${sitePath}/`)?.[1];
  return { lang, sitePath, project: folder ? (getProjectByLabel(folder)?.name ?? null) : null };
}

/**
 * Public URL of a question: the page as Hugo publishes it (the default language at the root,
 * others under `/<lang>/`) plus the heading's anchor (letters, digits, `-`, `_`: left as they are, Chinese included, as Hugo links them). Base default: https://www.sofastack.tech/.
 */
export function getFaqQuestionUrl(page: FaqPage, anchor: string, baseUrl = 'https://www.sofastack.tech/'): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const prefix = page.lang === 'zh' ? '' : `${page.lang}/`;
  const pagePath = page.sitePath.split('/').filter(Boolean).map(encodeURIComponent).join('/');
  return `${base}${prefix}${pagePath ? `${pagePath}/` : ''}#${anchor}`;
}
