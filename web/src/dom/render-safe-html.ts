import { getSafeUrl } from '../core/get-safe-url.ts';

/** Elements kept (others are unwrapped to their text, or dropped with their content when in DROP). */
const ALLOWED = new Set(['P', 'BR', 'A', 'UL', 'OL', 'LI', 'CODE', 'PRE', 'STRONG', 'EM', 'B', 'I', 'DEL', 'S', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'SUP', 'SUB', 'KBD', 'IMG', 'SPAN']);
const DROP = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'FORM', 'INPUT', 'BUTTON', 'TEXTAREA', 'SELECT', 'LINK', 'META', 'BASE', 'FRAME', 'FRAMESET']);

function copy(source: Node, target: Node, doc: Document): void {
  for (const node of Array.from(source.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      target.appendChild(doc.createTextNode(node.textContent ?? ''));
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (DROP.has(tag)) continue;
    if (!ALLOWED.has(tag)) {
      copy(element, target, doc);
      continue;
    }
    const clean = doc.createElement(tag.toLowerCase());
    if (tag === 'A') {
      const href = getSafeUrl(element.getAttribute('href'), doc.baseURI);
      if (href) {
        clean.setAttribute('href', href);
        clean.setAttribute('rel', 'noopener noreferrer nofollow');
        clean.setAttribute('target', '_blank');
      }
    } else if (tag === 'IMG') {
      // only absolute http(s) images: a relative one would point into this site, not the post's
      const src = getSafeUrl(element.getAttribute('src'), doc.baseURI);
      if (!src || !/^https?:\/\//i.test(src)) continue;
      clean.setAttribute('src', src);
      clean.setAttribute('alt', element.getAttribute('alt') ?? '');
      clean.setAttribute('loading', 'lazy');
      clean.setAttribute('referrerpolicy', 'no-referrer');
    } else if ((tag === 'TH' || tag === 'TD') && /^(left|right|center)$/.test(element.getAttribute('align') ?? '')) {
      clean.setAttribute('align', element.getAttribute('align')!);
    }
    target.appendChild(clean);
    copy(element, clean, doc);
  }
}

/**
 * Sanitized nodes for `answerHtml`. The API already sanitizes it; this is the second line:
 * the HTML is parsed into an inert document (DOMParser runs no script and loads nothing),
 * and only allow-listed elements are rebuilt, with no attribute but safe `href`/`src`/`alt`.
 * No event handler, style, `javascript:` URL or script can get through.
 */
export function renderSafeHtml(html: string, doc: Document = document): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const fragment = doc.createDocumentFragment();
  copy(parsed.body, fragment, doc);
  return fragment;
}
