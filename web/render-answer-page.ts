import type { ApiRecord } from '../src/contract/api-record.ts';
import { PROJECTS } from '../src/project-catalogue.ts';
import type { InsightTranslations } from './src/core/insight-translations.ts';
import type { Translations } from './src/core/translations.ts';
import { escapeHtml, renderHtmlHead } from './render-html.ts';

export interface AnswerPageOptions {
  t: Translations;
  it: InsightTranslations;
  /** `zh-CN` or `en`: the page's `lang`. */
  lang: string;
  /**
   * This site's public origin (`PUBLIC_URL`, e.g. `https://faq.example.com`), for canonical and
   * Open Graph URLs; '' when unknown: the canonical URL is then relative and `og:url` left out.
   */
  origin: string;
  /** The stylesheet and script URLs of the page bundle. */
  cssHref: string;
  jsSrc: string;
  /** The API origin the page script calls ('' = this origin). */
  apiBase: string;
  /** The search the reader came from (`q`), for the link back. */
  fromQuery: string;
}

/** At most `max` characters of `text`, cut at a word or sentence boundary when one is near, with "…". */
export function getExcerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const boundary = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('。'), cut.lastIndexOf('，'), cut.lastIndexOf(','));
  return `${boundary > max * 0.6 ? cut.slice(0, boundary) : cut}…`;
}

/** The GitHub issue a record cites, when its project has a known repository. */
export function getIssueUrl(record: Pick<ApiRecord, 'issue' | 'projects'>): string | null {
  if (!record.issue) return null;
  const repo = PROJECTS.find((p) => record.projects.includes(p.name))?.repos[0];
  return repo ? `https://github.com/${repo}/issues/${record.issue}` : null;
}

const safeHttpUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

function head(o: AnswerPageOptions, title: string, meta: string): string {
  return renderHtmlHead({ lang: o.lang, title, apiBase: o.apiBase, meta, cssHref: o.cssHref, jsSrc: o.jsSrc });
}

function topBar(o: AnswerPageOptions): string {
  const back = o.fromQuery ? `/?q=${encodeURIComponent(o.fromQuery)}` : '/';
  return `<header class="top">
<a class="brand" href="/">${escapeHtml(o.t.siteTitle)}</a>
<form class="search" role="search" action="/" method="get"><label for="q" class="visually-hidden">${escapeHtml(o.t.searchLabel)}</label><input id="q" type="search" name="q" autocomplete="off" placeholder="${escapeHtml(o.t.searchPlaceholder)}" value="${escapeHtml(o.fromQuery.replace(/\s+/g, ' '))}"></form>
<a class="back" href="${escapeHtml(back)}">${escapeHtml(o.fromQuery ? o.it.backToResults : o.t.backToSearch)}</a>
</header>`;
}

/**
 * The answer page `/qa/:id`, whole on the server: question, answer (sanitized HTML given by
 * the caller), where it comes from (FAQ or weekly), project, date, asker, source and issue links, related answers, a link back to
 * the search; `<title>`, description, canonical and Open Graph tags, so a pasted link shows a
 * preview and the page reads without JavaScript. Every record field is escaped.
 */
export function renderAnswerPage(record: ApiRecord, answerHtml: string, related: ApiRecord[], o: AnswerPageOptions): string {
  const url = `${o.origin}/qa/${encodeURIComponent(record.id)}`;
  const title = `${getExcerpt(record.question, 90)} – ${o.t.siteTitle}`;
  const description = getExcerpt(record.answer, 160);
  const meta = [
    `<meta name="description" content="${escapeHtml(description)}">`,
    `<link rel="canonical" href="${escapeHtml(url)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:site_name" content="${escapeHtml(o.t.siteTitle)}">`,
    `<meta property="og:title" content="${escapeHtml(getExcerpt(record.question, 90))}">`,
    `<meta property="og:description" content="${escapeHtml(description)}">`,
    o.origin ? `<meta property="og:url" content="${escapeHtml(url)}">` : '',
    `<meta property="og:locale" content="${o.lang === 'en' ? 'en_US' : 'zh_CN'}">`,
    record.date && /^\d{4}-\d{2}-\d{2}/.test(record.date) ? `<meta property="article:published_time" content="${escapeHtml(record.date)}">` : '',
    ...record.projects.map((p) => `<meta property="article:tag" content="${escapeHtml(p)}">`),
    `<meta name="twitter:card" content="summary">`,
  ].filter(Boolean).join('\n');
  const source = safeHttpUrl(record.url);
  const issueUrl = getIssueUrl(record);
  const metaLine = [
    record.kind ? `<span class="kind kind-${escapeHtml(record.kind)}">${escapeHtml(o.t.kinds[record.kind] ?? record.kind)}</span>` : '',
    record.projects.length ? `<span class="tags">${record.projects.map((p) => `<span class="tag">${escapeHtml(p)}</span>`).join('')}</span>` : '',
    record.date ? `<time datetime="${escapeHtml(record.date)}">${escapeHtml(record.date)}</time>` : '',
    record.asker ? `<span class="asker">${escapeHtml(o.t.askedBy(record.asker))}</span>` : '',
    source ? `<a class="source" href="${escapeHtml(source)}" rel="noopener noreferrer" target="_blank">${escapeHtml(o.t.source(record.title || record.url))}</a>` : '',
    issueUrl ? `<a class="issue" href="${escapeHtml(issueUrl)}" rel="noopener noreferrer" target="_blank">${escapeHtml(o.it.issueLink(record.issue!))}</a>` : '',
  ].filter(Boolean).join('\n');
  const context = record.followup && record.context
    ? `<p class="context"><span class="context-label">${escapeHtml(o.t.followupOf)}</span> ${escapeHtml(record.context)}</p>` : '';
  const relatedList = related.length
    ? `<section class="related-answers" aria-labelledby="related-title"><h2 id="related-title">${escapeHtml(o.it.related)}</h2><ul>${related.map((r) =>
      `<li><a href="/qa/${encodeURIComponent(r.id)}${o.fromQuery ? `?q=${encodeURIComponent(o.fromQuery)}` : ''}">${escapeHtml(r.question)}</a> <span class="related-meta">${escapeHtml([...r.projects, r.date].filter(Boolean).join(' · '))}</span></li>`).join('')}</ul></section>`
    : '';
  return `${head(o, title, `${meta}\n`)}
<body>
<div id="app" data-page="answer" data-id="${escapeHtml(record.id)}" data-query="${escapeHtml(o.fromQuery)}">
${topBar(o)}
<div class="qa-layout">
<main id="answer" class="qa" tabindex="-1">
<article class="qa-record">
${context}<h1 class="question">${escapeHtml(record.question)}</h1>
<p class="meta">${metaLine}</p>
<div class="answer-body">${answerHtml}</div>
<div class="actions"></div>
</article>
${relatedList}
</main>
</div>
</div>
</body>
</html>
`;
}

/** A page that is not an answer: 404 (unknown id) or 503 (search down), in the reader's language. */
export function renderAnswerErrorPage(kind: 'not-found' | 'unavailable', o: AnswerPageOptions): string {
  const title = kind === 'not-found' ? o.it.notFoundTitle : o.it.unavailableTitle;
  const body = kind === 'not-found' ? o.it.notFoundBody : o.it.unavailableBody;
  return `${head(o, `${title} – ${o.t.siteTitle}`, '<meta name="robots" content="noindex">\n')}
<body>
<div id="app" data-page="answer-error">
${topBar(o)}
<div class="qa-layout">
<main id="answer" class="qa" tabindex="-1">
<div class="empty" role="alert"><h1 class="error-title">${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p><a href="/">${escapeHtml(o.t.backToSearch)}</a></p></div>
</main>
</div>
</div>
</body>
</html>
`;
}
