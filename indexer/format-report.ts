import type { PostResult } from './post-result.ts';

/**
 * One post's block of the `--report`: the pairs found (line, asker, projects, question start),
 * then its messages. A weekly post that yielded nothing says why.
 */
export function formatPostReport(post: PostResult): string {
  const header = `${post.source} (${post.date ?? 'no date'}): ${post.records.length} pairs`;
  const pairs = post.records.map(
    (record) =>
      `  ${record.thread}.${record.turn}${record.followup ? ' (follow-up)' : ''} @${record.asker ?? '-'}${record.issue ? ` #${record.issue}` : ''} [${record.projects.join(', ')}] ${record.question.replace(/\s+/g, ' ').slice(0, 50)}`,
  );
  const messages = post.messages.map(
    (message) => `  ${post.records.length === 0 ? 'NOTHING: ' : ''}${message.line ? `line ${message.line}: ` : ''}${message.reason} [${message.ruleId}]`,
  );
  return [header, ...pairs, ...messages].join('\n') + '\n';
}
