import type { QaRecord } from '../../src/qa-record.ts';
import type { PostResult } from '../extract/post-result.ts';

/** How a record's projects were decided, as the report shows it: `attribution`, `inferred 0.83`... */
function projectSourceLabel(record: QaRecord): string {
  if (record.projectSource === null) return 'no project';
  return record.projectSource === 'inferred' ? `inferred ${record.projectConfidence ?? '?'}` : record.projectSource;
}

/**
 * One post's block of the `--report`: the pairs found (line, asker, issue, projects and how they
 * were decided, question start), then its messages (e.g. `attribution-conflict`). A weekly post
 * that yielded nothing says why.
 */
export function formatPostReport(post: PostResult): string {
  const header = `${post.source} (${post.date ?? 'no date'}): ${post.records.length} pairs`;
  const pairs = post.records.map(
    (record) =>
      `  ${record.thread}.${record.turn}${record.followup ? ' (follow-up)' : ''} @${record.asker ?? '-'}${record.issue ? ` #${record.issue}` : ''} [${record.projects.join(', ')}] (${projectSourceLabel(record)}) ${record.question.replace(/\s+/g, ' ').slice(0, 50)}`,
  );
  const messages = post.messages.map(
    (message) => `  ${post.records.length === 0 ? 'NOTHING: ' : ''}${message.line ? `line ${message.line}: ` : ''}${message.reason} [${message.ruleId}]`,
  );
  return [header, ...pairs, ...messages].join('\n') + '\n';
}

/** Counts over a run's records and messages, for the summary. */
export interface RunCounts {
  files: number;
  /** Files read by a source, by kind: weekly posts, FAQ pages. */
  weekly: number;
  faq: number;
  skipped: number;
  failed: number;
  /** Weekly records (question/answer pairs). */
  pairs: number;
  /** FAQ records (questions of FAQ pages). */
  faqQuestions: number;
  /** Weekly records whose `projects` is empty. */
  withoutProject: number;
  /** Records with an `issueUrl`. */
  withIssueLink: number;
  /** Records whose project was inferred by the classifier. */
  inferred: number;
  /** `attribution-conflict` messages. */
  conflicts: number;
}

export function createRunCounts(): RunCounts {
  return { files: 0, weekly: 0, faq: 0, skipped: 0, failed: 0, pairs: 0, faqQuestions: 0, withoutProject: 0, withIssueLink: 0, inferred: 0, conflicts: 0 };
}

/** Add one post's result to `counts` (mutates and returns it). */
export function countPost(counts: RunCounts, post: PostResult): RunCounts {
  counts.files += 1;
  if (post.status === 'extracted' && post.kind) counts[post.kind] += 1;
  else if (post.status !== 'extracted') counts[post.status] += 1;
  for (const record of post.records) {
    // the counts below describe the weekly pairs (a site-wide FAQ question has no project by design)
    if (record.kind === 'faq') {
      counts.faqQuestions += 1;
      continue;
    }
    counts.pairs += 1;
    if (record.projects.length === 0) counts.withoutProject += 1;
    if (record.issueUrl) counts.withIssueLink += 1;
    if (record.projectSource === 'inferred') counts.inferred += 1;
  }
  counts.conflicts += post.messages.filter((message) => message.ruleId === 'attribution-conflict').length;
  return counts;
}

/** The summary line written to stderr at the end of a run. */
export function formatSummary(counts: RunCounts, seconds: number): string {
  return (
    `extract: ${counts.pairs} pairs from ${counts.weekly} weekly posts, ${counts.faqQuestions} questions from ${counts.faq} FAQ pages (${counts.files} files: ${counts.skipped} neither, ${counts.failed} failed) in ${seconds.toFixed(2)} s; ` +
    `${counts.withoutProject} without a project, ${counts.withIssueLink} with an issue link, ${counts.inferred} projects inferred, ${counts.conflicts} attribution conflicts\n`
  );
}
