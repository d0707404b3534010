import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize).use(rehypeStringify).freeze();

/**
 * `answerHtml` sanitized again before the server puts it in a page (GitHub's schema, as at
 * extraction): the index is trusted, but a page must stay safe even if a record is not.
 */
export function sanitizeAnswerHtml(html: string): string {
  return String(processor.processSync(html));
}
