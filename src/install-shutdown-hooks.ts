import type { Logger } from 'pino';

export interface ShutdownHookOptions {
  logger: Logger;
  /** Work to finish before exiting, e.g. stop the embedded Meilisearch, close the HTTP server. */
  cleanup: () => Promise<void>;
  /** Exit anyway after this many ms (default: 20 000). */
  timeoutMs?: number;
  /**
   * A signal this many ms or less after the first is the same stop, not a second one (default:
   * 1 000): Ctrl-C on `npm start` reaches the service twice, from the terminal (the process group)
   * and forwarded by npm, within milliseconds.
   */
  repeatWindowMs?: number;
  /** Clock in ms (default: `performance.now`; tests). */
  now?: () => number;
  /** How to exit (default: `process.exit`; tests). */
  exit?: (code: number) => void;
}

/**
 * On SIGINT or SIGTERM, run `cleanup` once and exit (130 / 143, the shell's codes for those
 * signals). A signal within `repeatWindowMs` of the first is part of the same stop (logged, the
 * drain goes on); a later one exits at once. Returns a function that removes the hooks, with
 * `trigger(signal)` to start the same shutdown from inside (e.g. a dependency gave up).
 * (A crash or SIGKILL skips this; the embedded Meilisearch's watchdog covers those.)
 */
export function installShutdownHooks(options: ShutdownHookOptions): (() => void) & { trigger(signal: NodeJS.Signals): void } {
  const { logger, cleanup } = options;
  const now = options.now ?? (() => performance.now());
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const repeatWindowMs = options.repeatWindowMs ?? 1_000;
  let firstAt: number | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signal === 'SIGINT' ? 130 : 143;
    if (firstAt !== null) {
      const sinceMs = now() - firstAt;
      if (sinceMs <= repeatWindowMs) {
        logger.info({ signal, sinceMs: Math.round(sinceMs) }, 'Signal repeated within a second (e.g. Ctrl-C forwarded by npm): still draining; another one later exits at once');
        return;
      }
      logger.warn({ signal }, 'Second signal: exiting now');
      exit(code);
      return;
    }
    firstAt = now();
    logger.info({ signal }, 'Shutting down');
    const timer = setTimeout(() => {
      logger.error('Shutdown took too long: exiting');
      exit(code);
    }, options.timeoutMs ?? 20_000);
    timer.unref();
    cleanup().then(
      () => exit(code),
      (error: unknown) => {
        logger.error({ err: error }, 'Shutdown cleanup failed');
        exit(code);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const remove = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  return Object.assign(remove, { trigger: onSignal });
}
