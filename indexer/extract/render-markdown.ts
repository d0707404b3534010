import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeParse from 'rehype-parse';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { visit, SKIP } from 'unist-util-visit';
import type { Root as MdastRoot, Nodes as MdastNodes } from 'mdast';
import type { Root as HastRoot, Element, ElementContent } from 'hast';

/** Parses the markdown of one question or answer (not a whole post: only Q&A parts need a full tree). */
const markdownParser = unified().use(remarkParse).use(remarkGfm).freeze();

/** Parses the raw HTML fragments posts embed (`<br/>`, `<font>`, `<img>`). */
const htmlFragmentParser = unified().use(rehypeParse, { fragment: true }).freeze();

/** Text of a raw HTML fragment, `<br>` as a line break, images and scripts dropped. */
export function htmlFragmentToText(html: string): string {
  if (!/[<&]/.test(html)) return html;
  const tree = htmlFragmentParser.parse(html);
  const parts: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'element') {
      if (['script', 'style', 'img', 'template'].includes(node.tagName)) return SKIP;
      if (node.tagName === 'br') parts.push('\n');
    } else if (node.type === 'text') {
      parts.push(node.value);
    }
    return undefined;
  });
  return parts.join('');
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'blockquote', 'list', 'listItem', 'code', 'table', 'tableRow', 'thematicBreak']);

function mdastToText(node: MdastNodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'code':
      return node.value;
    case 'html':
      return htmlFragmentToText(node.value);
    case 'image':
    case 'imageReference':
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
      return '';
    case 'break':
      return '\n';
    case 'tableCell':
      return node.children.map(mdastToText).join('') + ' ';
    default:
      if ('children' in node) {
        const children = node.children as MdastNodes[];
        const separator = children.some((child) => BLOCK_TYPES.has(child.type)) ? '\n' : '';
        return children.map(mdastToText).join(separator);
      }
      return '';
  }
}

/**
 * Inline `<script>…</script>` reaches the markdown tree as an opening tag, text and a closing tag,
 * which no tree step sees as one element; remove such blocks (and `<style>`) from the source first.
 * The sanitizer still guards everything else.
 */
export function withoutScriptBlocks(markdown: string): string {
  return markdown.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '').replace(/<(script|style)\b[^>]*>/gi, '');
}

/** Collapse runs of spaces inside lines and of blank lines, trim the ends. */
function tidyText(text: string): string {
  return text
    .replace(/\r/g, '')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line, index, all) => line !== '' || (index > 0 && all[index - 1] !== ''))
    .join('\n')
    .trim();
}

/**
 * Characters and line shapes that can mean markdown, HTML or a GFM autolink. A fragment without
 * any (three in four of the corpus's questions and answers) is only paragraphs of literal text, which the
 * fast path renders exactly as the parser would, without building a tree. `#`, `@` and `_` only
 * where they can mean something: a heading's `#` opens a line; an email autolink has an ASCII
 * word character before its `@`; `_` between two letters or digits can neither open nor close
 * emphasis (`cluster_v1`, `my_test_tx_group`, `@GlobalLock`, `配置 # 集群` stay literal).
 */
const MAYBE_MARKDOWN = /[\\`*[\]<>|~&\u00a0\r\t]|https?:|www\.|^ {0,3}(?:[-+=#]|\d{1,9}[.)])| {4}|[ ]$|[\w.+-]@|(?:^|[^\p{L}\p{N}])_|_(?:$|[^\p{L}\p{N}])/mu;

export interface RenderOptions {
  /** Render fragments with no markdown syntax without parsing them (default: true; false for tests that compare both ways). */
  fastPath?: boolean;
}

/** True when `markdown` has no markdown syntax at all, so the fast path renders it. */
export function isPlainFragment(markdown: string): boolean {
  return !MAYBE_MARKDOWN.test(markdown);
}

/** The paragraphs of a fragment with no markdown syntax: lines trimmed as the parser trims them. */
function plainParagraphs(markdown: string): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of markdown.split('\n')) {
    // Only spaces: the parser keeps other whitespace (U+3000 in Chinese text) as text.
    const trimmed = line.replace(/^ +| +$/g, '');
    if (trimmed === '') {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else {
      current.push(trimmed);
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/**
 * Clean plain text of a markdown snippet: no markdown syntax, no images or image URLs;
 * link text and bare URLs kept; embedded HTML reduced to its text.
 */
export function markdownToPlainText(markdown: string, options: RenderOptions = {}): string {
  if (options.fastPath !== false && !MAYBE_MARKDOWN.test(markdown)) return tidyText(plainParagraphs(markdown).map((lines) => lines.join('\n')).join('\n'));
  const tree = markdownParser.parse(withoutScriptBlocks(markdown)) as MdastRoot;
  return tidyText(mdastToText(tree));
}

/** Replace each raw HTML node with the elements it parses to, so the sanitizer sees real elements. */
function rehypeParseRawFragments() {
  return (tree: HastRoot) => {
    visit(tree, 'raw', (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const fragment = htmlFragmentParser.parse(node.value);
      parent.children.splice(index, 1, ...(fragment.children as ElementContent[]));
      return [SKIP, index + fragment.children.length];
    });
  };
}

/** Links leave the page without passing it referrer or opener rights. */
function rehypeSafeLinks() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'a') node.properties.rel = ['nofollow', 'noopener', 'noreferrer'];
      if (node.tagName === 'img') node.properties.loading = 'lazy';
    });
  };
}

/**
 * What answer HTML may keep: GitHub's sanitation schema (no `script`, no `on*` attributes,
 * only http(s)/mailto links), without ids that could clash with the host page.
 */
const answerSchema = {
  ...defaultSchema,
  clobberPrefix: 'qa-',
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  attributes: {
    ...defaultSchema.attributes,
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
  },
};

/** Sanitized HTML of a markdown snippet, for display. */
export function markdownToSafeHtml(markdown: string): string {
  return renderMarkdown(markdown).html;
}

/** The mdast-to-HTML half of the renderer, so a tree parsed once gives both text and HTML. */
const treeToHtml = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeParseRawFragments)
  .use(rehypeSanitize, answerSchema)
  .use(rehypeSafeLinks)
  .use(rehypeStringify)
  .freeze();

/**
 * Plain text and sanitized HTML of a markdown snippet from one parse (as `markdownToPlainText`
 * and `markdownToSafeHtml` give them); fragments with no markdown syntax are not parsed at all.
 */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): { text: string; html: string } {
  if (options.fastPath !== false && !MAYBE_MARKDOWN.test(markdown)) {
    const paragraphs = plainParagraphs(markdown);
    return {
      text: tidyText(paragraphs.map((lines) => lines.join('\n')).join('\n')),
      html: paragraphs.map((lines) => `<p>${lines.join('\n')}</p>`).join('\n'),
    };
  }
  const tree = markdownParser.parse(withoutScriptBlocks(markdown)) as MdastRoot;
  const text = tidyText(mdastToText(tree));
  const html = String(treeToHtml.stringify(treeToHtml.runSync(tree) as HastRoot)).trim();
  return { text, html };
}
