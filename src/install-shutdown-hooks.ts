import type { Logger } from 'pino';

export interface ShutdownHookOptions {
  logger: Logger;
  /** Work to finish before exiting, e.g. stop the embedded Meilisearch, close the HTTP server. */
  cleanup: () => Promise<void>;
  /** Exit anyway after this many ms (default: 20 000). */
  timeoutMs?: number;
}

/**
 * On SIGINT or SIGTERM, run `cleanup` once and exit (130 / 143, the shell's codes for those
 * signals). A second signal exits at once. Returns a function that removes the hooks, with
 * `trigger(signal)` to start the same shutdown from inside (e.g. a dependency gave up).
 * (A crash or SIGKILL skips this; the embedded Meilisearch's watchdog covers those.)
 */
export function installShutdownHooks(options: ShutdownHookOptions): (() => void) & { trigger(signal: NodeJS.Signals): void } {
  const { logger, cleanup } = options;
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signal === 'SIGINT' ? 130 : 143;
    if (shuttingDown) {
      logger.warn({ signal }, 'Second signal: exiting now');
      process.exit(code);
    }
    shuttingDown = true;
    logger.info({ signal }, 'Shutting down');
    const timer = setTimeout(() => {
      logger.error('Shutdown took too long: exiting');
      process.exit(code);
    }, options.timeoutMs ?? 20_000);
    timer.unref();
    cleanup().then(
      () => process.exit(code),
      (error: unknown) => {
        logger.error({ err: error }, 'Shutdown cleanup failed');
        process.exit(code);
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
