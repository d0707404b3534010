import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { QaRecord } from '../../../src/qa-record.ts';
import { getNestingDepth, MAX_NESTING_DEPTH } from '../../extract/get-nesting-depth.ts';
import { getPostDate } from '../../extract/get-post-date.ts';
import { getRecordId } from '../../extract/get-record-id.ts';
import { parseFrontMatter } from '../../extract/parse-front-matter.ts';
import type { PostMessage, PostResult } from '../../extract/post-result.ts';
import { renderMarkdown } from '../../extract/render-markdown.ts';
import { getFaqPage, getFaqQuestionUrl } from './get-faq-page.ts';
import { remarkFaqEntries } from './remark-faq-entries.ts';

export interface ExtractFaqPageOptions {
  /** Base of the docs site's public URLs (default: https://www.sofastack.tech/). */
  baseUrl?: string;
}

/** Parses a FAQ page's body and finds its questions (`file.data.faqEntries`). */
const faqProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkFaqEntries).freeze();

function toMessages(file: VFile): PostMessage[] {
  return file.messages.map((message) => ({ ruleId: message.ruleId ?? 'unknown', reason: message.reason, ...(message.line ? { line: message.line } : {}) }));
}

/**
 * The date of a FAQ page: its front matter's `date`, else `lastmod`; null when it has neither.
 * The docs site's FAQ pages carry no date, and a checkout's file times only say when it was
 * cloned: an undated page stays undated (it sorts after the dated answers and counts in no year).
 */
export function getFaqPageDate(frontMatter: Record<string, unknown>): { date: string | null } | { invalid: unknown } {
  const given = frontMatter.date ?? frontMatter.lastmod;
  if (given === undefined || given === null || given === '') return { date: null };
  const date = getPostDate(given);
  return date ? { date } : { invalid: given };
}

/**
 * The records of one FAQ page: each question heading with the answer below it (see
 * `remarkFaqEntries`). Pure. A page that cannot be used (empty, binary,
 * broken front matter, no question) is `failed` with its messages, never thrown.
 */
export function extractFaqPage(text: string, source: string, path: string, options: ExtractFaqPageOptions = {}): PostResult {
  const file = new VFile({ path });
  const result = (status: PostResult['status'], fields: Partial<PostResult> = {}): PostResult => ({
    path, source, status, kind: 'faq', title: null, date: null, records: [], ...fields, messages: toMessages(file),
  });
  const fail = (ruleId: string, reason: string): PostResult => {
    file.message(reason, { ruleId, source: 'weekly-faq' });
    return result('failed');
  };
  if (text.trim() === '') return fail('empty-file', 'empty file');
  if (text.includes('\u0000')) return fail('binary-file', 'not a text file (NUL bytes)');

  // Hugo reads front matter after leading blank lines too (the SOFALookout FAQ starts with one).
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const leading = lines.findIndex((line) => line.trim() !== '');
  let frontMatter: Record<string, unknown> = {};
  if (lines[leading]?.trim() === '---') {
    const parsed = parseFrontMatter(lines.slice(leading).join('\n'));
    if (!parsed.ok) return fail(parsed.ruleId, parsed.reason);
    frontMatter = parsed.data;
    // Keep the page's line numbers: the front matter's lines become blank.
    for (let index = 0; index < leading + parsed.bodyStartLine - 1 && index < lines.length; index += 1) lines[index] = '';
  }
  const body = lines.join('\n');
  const depth = getNestingDepth(body);
  if (depth > MAX_NESTING_DEPTH) return fail('too-deeply-nested', `the page nests ${depth} levels deep (the limit is ${MAX_NESTING_DEPTH}): skipped`);

  const dated = getFaqPageDate(frontMatter);
  if ('invalid' in dated) return fail('invalid-date', `front matter date is not a valid date: ${JSON.stringify(dated.invalid)}`);
  const { date } = dated;

  file.value = body;
  file.data.frontMatter = frontMatter;
  faqProcessor.runSync(faqProcessor.parse(file), file);
  const entries = file.data.faqEntries ?? [];
  if (entries.length === 0) return result('failed', { date });

  const page = getFaqPage(source);
  const pageTitle = typeof frontMatter.title === 'string' && frontMatter.title.trim() ? frontMatter.title.trim() : 'FAQ';
  // "常见问题" names no project: the hit's source label says which one.
  const title = page.project && !pageTitle.toLowerCase().includes(page.project.toLowerCase()) ? `${page.project} ${pageTitle}` : pageTitle;
  const seenIds = new Map<string, number>();
  const pageKey = `faq/${page.lang}/${page.sitePath}`;
  const records: QaRecord[] = entries.map((entry, index) => {
    const { text: answer, html: answerHtml } = renderMarkdown(entry.answerMarkdown);
    const baseId = getRecordId(pageKey, null, entry.question);
    const occurrence = seenIds.get(baseId) ?? 0;
    seenIds.set(baseId, occurrence + 1);
    return {
      id: occurrence === 0 ? baseId : getRecordId(pageKey, null, entry.question, occurrence),
      question: entry.question,
      answer,
      answerHtml,
      asker: null,
      issue: null,
      issueUrl: null,
      projects: page.project ? [page.project] : [],
      projectSource: page.project ? 'page' : null,
      projectConfidence: null,
      followup: false,
      thread: index + 1,
      turn: 1,
      context: null,
      date,
      year: date ? Number(date.slice(0, 4)) : null,
      title,
      source,
      url: getFaqQuestionUrl(page, entry.anchor, options.baseUrl),
      kind: 'faq',
      lang: page.lang,
    };
  });
  return result('extracted', { title, date, records });
}
