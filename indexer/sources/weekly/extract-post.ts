import { VFile } from 'vfile';
import type { QaRecord } from '../../../src/qa-record.ts';
import { getFrontMatterText, parseFrontMatter } from '../../extract/parse-front-matter.ts';
import { isWeeklyPost, DEFAULT_WEEKLY_RULE, type WeeklyRule } from './is-weekly-post.ts';
import { getPostDate } from '../../extract/get-post-date.ts';
import { getPostSlug, getPostUrl } from './get-post-url.ts';
import { segmentPairs, type SegmentedPair } from './segment-pairs.ts';
import { assignProjects, type ProjectInferrer } from './assign-projects.ts';
import { getIssueReference } from './get-issue-reference.ts';
import { answerMarkdown, questionMarkdown } from './get-pair-markdown.ts';
import { getDefaultProjectInferrer } from './project-classifier.ts';
import { markdownToPlainText, renderMarkdown } from '../../extract/render-markdown.ts';
import { isFollowup } from './is-followup.ts';
import { getNestingDepth, MAX_NESTING_DEPTH } from '../../extract/get-nesting-depth.ts';
import { getRecordId } from '../../extract/get-record-id.ts';
import type { PostMessage, PostResult } from '../../extract/post-result.ts';

export interface ExtractPostOptions {
  /** Base of public post URLs (default: https://www.sofastack.tech/blog/). */
  baseUrl?: string;
  /** Which posts are weeklies (default: `DEFAULT_WEEKLY_RULE`). */
  weeklyRule?: WeeklyRule;
  /**
   * Guesses the project of pairs nothing in the post names (default: the classifier learned from
   * the corpus's attributed pairs, `src/data/project-classifier.json`); `null` infers nothing.
   */
  inferProject?: ProjectInferrer | null;
}

function toMessages(file: VFile): PostMessage[] {
  return file.messages.map((message) => ({
    ruleId: message.ruleId ?? 'unknown',
    reason: message.reason,
    ...(message.line ? { line: message.line } : {}),
  }));
}

/**
 * Extract the Q/A records of one post. Pure: the text in, a `PostResult` out. Problems are
 * messages on the result (never exceptions); a non-weekly post is `skipped` without one.
 */
export function extractPost(text: string, source: string, path: string, options: ExtractPostOptions = {}): PostResult {
  const file = new VFile({ path, value: text });
  const result = (status: PostResult['status'], fields: Partial<PostResult> = {}): PostResult => ({
    path,
    source,
    status,
    kind: status === 'skipped' ? null : 'weekly',
    title: null,
    date: null,
    records: [],
    ...fields,
    messages: toMessages(file),
  });
  const fail = (ruleId: string, reason: string): PostResult => {
    file.message(reason, { ruleId, source: 'weekly-faq' });
    return result('failed');
  };

  if (text.trim() === '') return fail('empty-file', 'empty file');
  // Invalid UTF-8 is caught where the bytes are read (`extractCorpus`); a string has none left.
  if (text.includes('\u0000')) return fail('binary-file', 'not a text file (NUL bytes)');

  const rule = options.weeklyRule ?? DEFAULT_WEEKLY_RULE;
  // Parsing YAML is most of the cost of a non-weekly post: only parse front matter that can be a
  // weekly's (its path, its raw text naming the newsletter, or a category rule to check).
  if (!rule.categoryPattern && !rule.pathPattern?.test(source) && !rule.titlePattern.test(getFrontMatterText(text))) {
    return result('skipped');
  }
  const frontMatter = parseFrontMatter(text);
  if (!frontMatter.ok) {
    const looksWeekly = rule.titlePattern.test(text.slice(0, 2000));
    return frontMatter.ruleId === 'no-front-matter' && !looksWeekly ? result('skipped') : fail(frontMatter.ruleId, frontMatter.reason);
  }
  const data = frontMatter.data;
  if (!isWeeklyPost(data, source, rule)) return result('skipped');

  const title = typeof data.title === 'string' ? data.title.trim() : '';
  const date = getPostDate(data.date);
  if (!date) {
    const reason = data.date === undefined ? 'front matter has no date' : `front matter date is not a valid date: ${JSON.stringify(data.date)}`;
    return fail(data.date === undefined ? 'missing-date' : 'invalid-date', reason);
  }

  // Keep line numbers of the whole file: front matter lines become blank.
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let index = 0; index < frontMatter.bodyStartLine - 1 && index < lines.length; index += 1) lines[index] = '';
  const segmented = segmentPairs(lines);
  for (const message of segmented.messages) {
    file.message(message.reason, { ruleId: message.ruleId, source: 'weekly-faq', place: { line: message.line, column: 1 } });
  }
  if (segmented.sections === 0) {
    file.message('no Q&A section (no reader Q&A heading and no asker headers)', { ruleId: 'no-qa-section', source: 'weekly-faq' });
  } else if (segmented.pairs.length === 0) {
    file.message('Q&A section found but no question with an answer in it', { ruleId: 'no-pairs', source: 'weekly-faq' });
  }

  for (const pair of segmented.pairs) {
    const depth = Math.max(getNestingDepth(questionMarkdown(pair)), getNestingDepth(answerMarkdown(pair)));
    if (depth > MAX_NESTING_DEPTH) {
      const reason = `the pair at line ${pair.firstLine} nests ${depth} levels deep (lists, quotes, tags or brackets; the limit is ${MAX_NESTING_DEPTH}): post skipped`;
      file.message(reason, { ruleId: 'too-deeply-nested', source: 'weekly-faq', place: { line: pair.firstLine, column: 1 } });
      return result('failed', { title: null, date });
    }
  }

  try {
    return result('extracted', { title, date, records: toRecords(segmented.pairs, file, { source, title, date, slug: getPostSlug(source, data.slug), options }) });
  } catch (error) {
    // The depth check above should keep every recursion on the post's content bounded; should one
    // still overflow the stack, the post is skipped and named, and the run goes on.
    if (!(error instanceof RangeError)) throw error;
    file.message(`too deeply nested to render (${error.message}): post skipped`, { ruleId: 'too-deeply-nested', source: 'weekly-faq' });
    return result('failed', { title: null, date });
  }
}

interface PostFacts {
  source: string;
  title: string;
  date: string;
  slug: string;
  options: ExtractPostOptions;
}

/** The records of a post's pairs: projects decided, issue resolved, question and answer rendered. */
function toRecords(pairs: SegmentedPair[], file: VFile, { source, title, date, slug, options }: PostFacts): QaRecord[] {
  const url = getPostUrl(slug, options.baseUrl);
  const inferProject = options.inferProject === undefined ? getDefaultProjectInferrer() : options.inferProject;
  const decisions = assignProjects(pairs, inferProject ?? undefined);
  const seenIds = new Map<string, number>();
  const records: QaRecord[] = [];
  const threadQuestions = new Map<number, string[]>();
  for (const [index, pair] of pairs.entries()) {
    const questionSource = questionMarkdown(pair);
    const question = markdownToPlainText(questionSource);
    const { text: answer, html: answerHtml } = renderMarkdown(answerMarkdown(pair));
    const earlier = threadQuestions.get(pair.thread) ?? [];
    threadQuestions.set(pair.thread, [...earlier, question]);
    if (!question) {
      file.message('question block has no text', { ruleId: 'empty-question', source: 'weekly-faq', place: { line: pair.firstLine, column: 1 } });
      continue;
    }
    const followup = isFollowup(question, pair.turn);
    const baseId = getRecordId(slug, pair.asker, question);
    const occurrence = seenIds.get(baseId) ?? 0;
    seenIds.set(baseId, occurrence + 1);
    const decision = decisions[index] ?? { projects: [], source: null, confidence: null, conflict: null };
    const { issue, issueUrl } = getIssueReference(pair, questionSource, decision.projects);
    if (decision.conflict) {
      const reason = `${decision.source} says ${decision.projects.join(', ')} but the pair itself names only ${decision.conflict.named}`;
      file.message(reason, { ruleId: 'attribution-conflict', source: 'weekly-faq', place: { line: pair.firstLine, column: 1 } });
    }
    records.push({
      id: occurrence === 0 ? baseId : getRecordId(slug, pair.asker, question, occurrence),
      question,
      answer,
      answerHtml,
      asker: pair.asker,
      issue,
      issueUrl,
      projects: decision.projects,
      projectSource: decision.source,
      projectConfidence: decision.confidence,
      followup,
      thread: pair.thread,
      turn: pair.turn,
      context: followup && earlier.length > 0 ? earlier.join('\n') : null,
      date,
      year: Number(date.slice(0, 4)),
      title,
      source,
      url,
      kind: 'weekly',
      lang: 'zh',
    });
  }
  return records;
}
