import type { ReindexReport } from './reindex-report.ts';

function counts(record: Record<string, number>): string {
  const entries = Object.entries(record).sort((a, b) => b[1] - a[1]);
  return entries.length ? entries.map(([rule, n]) => `${rule} ${n}`).join(', ') : 'none';
}

/** The final reindex report as a few lines for a terminal. */
export function formatReindexReport(report: ReindexReport): string {
  const lines = [
    `Reindex ${report.outcome.toUpperCase()}${report.skipReason ? ` (${report.skipReason} since the last successful run; --force rebuilds)` : ''} in ${(report.durationMs / 1000).toFixed(1)} s${report.forced ? ' [forced]' : ''}`,
    `  index:     ${report.indexName}: ${report.documents} documents${report.previousDocuments !== null ? ` (before: ${report.previousDocuments})` : ''}`,
  ];
  if (report.outcome !== 'skipped') {
    lines.push(
      `  posts:     ${report.posts.read} read, ${report.posts.weekly} weekly, ${report.posts.faq ?? 0} FAQ pages, ${report.posts.skipped} skipped, ${report.posts.failed} failed`,
      `  pairs:     ${report.pairs}`,
      `  skipped:   ${counts(report.skippedByRule)}`,
      `  messages:  ${counts(report.messagesByRule)}`,
    );
    for (const post of report.failedPosts.slice(0, 20)) {
      lines.push(`  failed:    ${post.source}: ${post.messages.map((m) => `${m.ruleId}${m.line ? `@${m.line}` : ''}: ${m.reason}`).join('; ')}`);
    }
    if (report.failedPosts.length > 20) lines.push(`  ... and ${report.posts.failed - 20} more failed posts`);
  }
  if (report.error) lines.push(`  error:     ${report.error.code}${report.error.taskCode ? ` (${report.error.taskCode})` : ''}: ${report.error.message}`);
  return lines.join('\n');
}
