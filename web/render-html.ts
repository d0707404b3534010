import type { WebAssets } from './web-asset.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/**
 * From `<!doctype html>` to `</head>`, shared by every page the service renders: `apiBase` (when
 * given) goes in the meta tag the page script reads ('' = this origin), `meta` is extra head
 * markup after the title. Every value is escaped here.
 */
export function renderHtmlHead(options: { lang: string; title: string; apiBase?: string; meta?: string; cssHref: string; jsSrc: string }): string {
  const api = options.apiBase === undefined ? '' : `<meta name="weekly-faq-api" content="${escapeHtml(options.apiBase)}">\n`;
  return `<!doctype html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
${api}<title>${escapeHtml(options.title)}</title>
${options.meta ?? ''}<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeHtml(options.cssHref)}">
<script type="module" src="${escapeHtml(options.jsSrc)}"></script>
</head>`;
}

/**
 * The HTML shell of the search page and of the permalink pages: the page script renders into
 * `#app` (it reads the path). `apiBase` goes in a meta tag ('' = this origin).
 */
export function renderPageHtml(assets: WebAssets, options: { title: string; apiBase: string }): string {
  return `${renderHtmlHead({ lang: 'en', title: options.title, apiBase: options.apiBase, cssHref: assets.pageCss.url, jsSrc: assets.pageJs.url })}
<body>
<div id="app"><noscript>This search needs JavaScript. The API is at <a href="/api/search?q=">/api/search</a>.</noscript></div>
</body>
</html>
`;
}

/**
 * `GET /demo`: a sample documentation page that embeds the widget with the one tag, loaded
 * from `widgetOrigin` (PUBLIC_URL; `''`: this origin).
 */
export function renderDemoHtml(options: { widgetOrigin: string; project: string; nonce: string }): string {
  const src = `${options.widgetOrigin}/widget.js`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MOSN docs – widget demo</title>
<link rel="icon" href="data:,">
<style nonce="${escapeHtml(options.nonce)}">
  body { margin: 0; font: 16px/1.6 Georgia, serif; color: #222; background: #fdfcf8; }
  header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px 16px; padding: 12px 24px; background: #23313f; color: #fff; }
  header b { font: 700 18px/1 system-ui, sans-serif; }
  main { max-width: 760px; margin: 0 auto; padding: 8px 24px 48px; }
  code, pre { background: #f0eee6; border-radius: 4px; padding: 1px 4px; }
  pre { padding: 10px; overflow-x: auto; }
  /* host styles the widget must not pick up (it lives in shadow roots) */
  button { background: rgb(204, 0, 0); color: #fff; border-radius: 0; font-size: 22px; }
  input, li, a { letter-spacing: 3px; }
</style>
</head>
<body>
<header><b>MOSN documentation</b><div id="faq-search"></div></header>
<main>
  <h1>Getting started with MOSN</h1>
  <p>MOSN is a network proxy written in Go. This sample page shows the weekly-faq widget as a docs site embeds it:
  press <kbd>Ctrl</kbd>+<kbd>K</kbd> (<kbd>⌘</kbd>+<kbd>K</kbd> on a Mac) or the search button to search the SOFA Weekly answers about MOSN.</p>
  <pre tabindex="0"><code>&lt;script src="${escapeHtml(src)}" data-project="${escapeHtml(options.project)}" data-container="#faq-search" defer&gt;&lt;/script&gt;</code></pre>
  <h2>Configuration</h2>
  <p>Listeners, routers and clusters are set in <code>mosn_config.json</code>. Timeouts of upstream requests are set per router.</p>
  <p>Lorem ipsum text stands in for the rest of a long documentation page.</p>
</main>
<script src="${escapeHtml(src)}" data-project="${escapeHtml(options.project)}" data-container="#faq-search" defer></script>
</body>
</html>
`;
}
