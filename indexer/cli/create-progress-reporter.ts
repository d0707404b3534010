import cliProgress from 'cli-progress';
import type { Logger } from 'pino';
import type { ReindexProgress } from '../load/reindex-report.ts';

export interface ProgressReporter {
  onProgress: (progress: ReindexProgress) => void;
  /** Stop the bar (call before printing anything else). */
  stop: () => void;
}

/**
 * Reindex progress for humans and machines: a cli-progress bar (on stderr) when `tty` is
 * true, otherwise one structured log line per phase change and at most one every
 * `intervalMs` in between.
 *
 * @see https://github.com/AndiDittrich/Node.CLI-Progress
 */
export function createProgressReporter(options: { logger: Logger; tty: boolean; intervalMs?: number }): ProgressReporter {
  const { logger, tty } = options;
  if (tty) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'reindex |{bar}| {value}/{total} posts | {pairs} pairs | {documentsIndexed} indexed | {phase}',
        hideCursor: true,
        clearOnComplete: false,
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    let stopped = false;
    return {
      onProgress(p) {
        if (stopped) return;
        const total = Math.max(p.postsTotal ?? 0, p.postsRead, 1);
        const payload = { pairs: p.pairs, documentsIndexed: p.documentsIndexed, phase: p.phase };
        if (!started) {
          bar.start(total, p.postsRead, payload);
          started = true;
        }
        bar.setTotal(total);
        bar.update(p.phase === 'done' ? total : p.postsRead, payload);
      },
      stop() {
        if (started && !stopped) bar.stop();
        stopped = true;
      },
    };
  }
  const intervalMs = options.intervalMs ?? 5_000;
  let lastPhase: string | null = null;
  let lastAt = 0;
  return {
    onProgress(p) {
      const now = Date.now();
      if (p.phase === lastPhase && now - lastAt < intervalMs) return;
      lastPhase = p.phase;
      lastAt = now;
      logger.info({ progress: p }, `reindex ${p.phase}: ${p.postsRead}${p.postsTotal ? `/${p.postsTotal}` : ''} posts, ${p.pairs} pairs, ${p.documentsIndexed} indexed`);
    },
    stop() {},
  };
}
