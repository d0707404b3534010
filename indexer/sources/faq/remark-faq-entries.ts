import { toString } from 'mdast-util-to-string';
import type { Heading, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import '../../extract/file-data.ts';
import { getUniqueHeadingIds } from './get-heading-id.ts';

/** One question of a FAQ page, located in its markdown, before rendering. */
export interface FaqEntry {
  /** The heading's text without its `Q：` marker. */
  question: string;
  /** The heading's id as Hugo renders it (the question's anchor). */
  anchor: string;
  /** Markdown source of the answer: everything below the heading up to the next question or group heading, its `答：` marker removed. */
  answerMarkdown: string;
  /** 1-based line of the question heading. */
  line: number;
}

declare module 'vfile' {
  interface DataMap {
    /** The questions `remarkFaqEntries` found, in page order. */
    faqEntries: FaqEntry[];
  }
}

const QUESTION_MARKER = /^\s*Q\s*[：:]\s*/i;
const ANSWER_MARKER = /^\s*(?:答|A)\s*[：:]\s*/;

/**
 * The question level of a page: the shallowest heading level marked `Q：`/`Q:`; on a page with no
 * marker (`# 与 Prometheus的差异` then `答：...`), the shallowest level with text right below it.
 * Shallower headings group questions (`## 咨询`), deeper ones belong to an answer (`### 解决方法`).
 */
function getQuestionDepth(children: readonly RootContent[]): number | null {
  const headings = children.flatMap((node, index) => (node.type === 'heading' ? [{ node, index }] : []));
  const marked = headings.filter(({ node }) => QUESTION_MARKER.test(toString(node)));
  if (marked.length) return Math.min(...marked.map(({ node }) => node.depth));
  const answered = headings.filter(({ index }) => {
    const next = children[index + 1];
    return next !== undefined && next.type !== 'heading';
  });
  return answered.length ? Math.min(...answered.map(({ node }) => node.depth)) : null;
}

/**
 * Unified plugin: the questions of a FAQ page onto `file.data.faqEntries`. Each heading at the
 * question level opens one; its answer runs to the next heading at that level or above. A
 * question with no answer below it is a message (`unanswered-question`), a page with no question
 * at all another (`no-questions`). Pure over the tree and the file's text.
 */
export function remarkFaqEntries() {
  return (tree: Root, file: VFile): void => {
    const text = String(file.value);
    const children = tree.children;
    const headings = children.filter((node): node is Heading => node.type === 'heading');
    const ids = getUniqueHeadingIds(headings.map((heading) => toString(heading)));
    const anchors = new Map(headings.map((heading, index) => [heading, ids[index]!]));
    const depth = getQuestionDepth(children);
    const entries: FaqEntry[] = [];
    for (const [index, node] of children.entries()) {
      if (node.type !== 'heading' || node.depth !== depth) continue;
      const end = children.findIndex((next, at) => at > index && next.type === 'heading' && next.depth <= depth);
      const answerNodes = children.slice(index + 1, end === -1 ? undefined : end);
      const first = answerNodes[0]?.position?.start.offset;
      const last = answerNodes.at(-1)?.position?.end.offset;
      const line = node.position?.start.line ?? 1;
      const question = toString(node).replace(QUESTION_MARKER, '').trim();
      const answerMarkdown = first === undefined || last === undefined ? '' : text.slice(first, last).replace(ANSWER_MARKER, '');
      if (!/[\p{L}\p{N}]/u.test(answerMarkdown.replace(/!\[[^\]]*\]\([^)]*\)/g, '')) || !question) {
        file.message(`question "${question.slice(0, 40)}" has no answer below it; skipped`, { ruleId: 'unanswered-question', source: 'weekly-faq', place: { line, column: 1 } });
        continue;
      }
      entries.push({ question, anchor: anchors.get(node)!, answerMarkdown, line });
    }
    if (entries.length === 0) file.message('no question headings with answers on this FAQ page', { ruleId: 'no-questions', source: 'weekly-faq' });
    file.data.faqEntries = entries;
  };
}
