import type { Root } from 'mdast';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import type { QaRecord } from '../../../src/qa-record.ts';
import '../../extract/file-data.ts';
import { DEFAULT_WEEKLY_RULE, type WeeklyRule } from './is-weekly-post.ts';
import { getPostSlug, getPostUrl } from './get-post-url.ts';
import type { SegmentedPair } from './segment-pairs.ts';
import { weeklyFrontMatter } from './weekly-front-matter.ts';
import { weeklySegments } from './weekly-segments.ts';
import { assignProjects, type ProjectInferrer } from './assign-projects.ts';
import { getIssueReference } from './get-issue-reference.ts';
import { answerMarkdown, questionMarkdown } from './get-pair-markdown.ts';
import { getDefaultProjectInferrer } from './project-classifier.ts';
import { markdownToPlainText, renderMarkdown } from '../../extract/render-markdown.ts';
import { isFollowup } from './is-followup.ts';
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

/** The steps of a weekly post, for one set of options: front matter, then pairs, then records. */
function createWeeklyProcessor(options: ExtractPostOptions) {
  const rule = options.weeklyRule ?? DEFAULT_WEEKLY_RULE;
  return unified()
    .use(weeklyLinesParser)
    .use(weeklyFrontMatter, { rule })
    .use(weeklySegments)
    .use(weeklyRecords, options)
    .freeze();
}

/**
 * The "parser" of a weekly post: an empty tree. The posts are read by lines (the markdown
 * parser's lazy continuation would glue an asker header to the quote above it, which the posts
 * do often), and only the question and answer parts get a real tree, when they are rendered.
 */
const weeklyLinesParser: Plugin<[], string, Root> = function () {
  this.parser = () => ({ type: 'root', children: [] });
};

/** Unified plugin, the last step: the pairs as records onto `file.data.records`. */
function weeklyRecords(options: ExtractPostOptions) {
  return (_tree: Root, file: VFile): void => {
    if (file.data.skipped || !file.data.weeklyPairs) return;
    const { title = '', date = '', source = '' } = file.data;
    try {
      file.data.records = toRecords(file.data.weeklyPairs, file, { source, title, date, slug: getPostSlug(source, file.data.frontMatter?.slug), options });
    } catch (error) {
      // The depth check should keep every recursion on the post's content bounded; should one
      // still overflow the stack, the post is skipped and named, and the run goes on.
      if (!(error instanceof RangeError)) throw error;
      file.fail(`too deeply nested to render (${error.message}): post skipped`, { ruleId: 'too-deeply-nested', source: 'weekly-faq' });
    }
  };
}

const processors = new WeakMap<ExtractPostOptions, ReturnType<typeof createWeeklyProcessor>>();
const DEFAULT_OPTIONS: ExtractPostOptions = {};

function toMessages(file: VFile): PostMessage[] {
  return file.messages.map((message) => ({
    ruleId: message.ruleId ?? 'unknown',
    reason: message.reason,
    ...(message.line ? { line: message.line } : {}),
  }));
}

/**
 * Extract the Q/A records of one post. Pure: the text in, a `PostResult` out. Runs the weekly
 * pipeline (`weeklyFrontMatter`, `weeklySegments`, `weeklyRecords`); problems are messages on
 * the result (never exceptions); a non-weekly post is `skipped` without one.
 */
export function extractPost(text: string, source: string, path: string, options: ExtractPostOptions = DEFAULT_OPTIONS): PostResult {
  let processor = processors.get(options);
  if (!processor) processors.set(options, (processor = createWeeklyProcessor(options)));
  const file = new VFile({ path, value: text, data: { source } });
  let failed = false;
  try {
    processor.runSync(processor.parse(file), file);
  } catch (error) {
    // `file.fail`: a post that cannot be used; anything else is a bug, thrown.
    if (!file.messages.includes(error as VFile['messages'][number])) throw error;
    failed = true;
  }
  const status: PostResult['status'] = failed ? 'failed' : file.data.skipped ? 'skipped' : 'extracted';
  return {
    path,
    source,
    status,
    kind: status === 'skipped' ? null : 'weekly',
    title: status === 'extracted' ? (file.data.title ?? '') : null,
    date: file.data.date ?? null,
    records: status === 'extracted' ? (file.data.records ?? []) : [],
    messages: toMessages(file),
  };
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
