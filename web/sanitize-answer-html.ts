import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

/** Only absolute http(s) images (a relative one would point into this site, not the post's); links open apart. */
function rehypeSafeMedia() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'img') {
        const src = String(node.properties.src ?? '');
        if (!/^https?:\/\//i.test(src) && parent && index !== undefined) {
          parent.children.splice(index, 1);
          return [SKIP, index];
        }
        node.properties.loading = 'lazy';
        node.properties.referrerPolicy = 'no-referrer';
      }
      if (node.tagName === 'a' && node.properties.href) {
        node.properties.rel = ['noopener', 'noreferrer', 'nofollow'];
        node.properties.target = '_blank';
      }
      return undefined;
    });
  };
}

const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize).use(rehypeSafeMedia).use(rehypeStringify).freeze();

/**
 * `answerHtml` sanitized again before the server puts it in a page (GitHub's schema, as at
 * extraction, and only http(s) images): the index is trusted, but a page must stay safe even
 * if a record is not.
 */
export function sanitizeAnswerHtml(html: string): string {
  return String(processor.processSync(html));
}
