import { pino, type Logger, type LevelWithSilent, type DestinationStream } from 'pino';
import pretty from 'pino-pretty';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** Minimum level (default: `LOG_LEVEL` from the environment, else `info`). */
  level?: LevelWithSilent | string;
  /** Human-readable output (default: true when the destination is a terminal). */
  pretty?: boolean;
  /** File descriptor to write to: 1 (stdout) or 2 (stderr) (default: 1). */
  fd?: 1 | 2;
  /** Name bound to every line (default: `weekly-faq`). */
  name?: string;
  /** Write here instead of `fd` (tests). Always JSON unless `pretty` is set. */
  destination?: DestinationStream;
}

/**
 * Paths removed from every log line: keys and tokens never reach a log, even when an
 * object holding one is logged by mistake.
 */
export const REDACTED_PATHS = [
  'masterKey', '*.masterKey',
  'adminKey', '*.adminKey',
  'searchKey', '*.searchKey',
  'apiKey', '*.apiKey',
  'key', '*.key',
  'token', '*.token',
  'adminToken', '*.adminToken',
  'authorization', '*.authorization',
  'headers.authorization', '*.headers.authorization',
  'req.headers.authorization', 'req.headers.cookie',
];

/**
 * Create the process logger: pino, pretty-printed on a terminal and JSON Lines otherwise.
 * Pretty printing runs in the main thread (no transport worker), so it works under tsx and
 * flushes before `process.exit`.
 *
 * @see https://getpino.io/#/docs/api?id=export
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const fd = options.fd ?? 1;
  const level = (options.level ?? process.env.LOG_LEVEL ?? 'info').toLowerCase();
  const stream = fd === 2 ? process.stderr : process.stdout;
  const usePretty = options.pretty ?? (options.destination ? false : stream.isTTY === true);
  const base = {
    name: options.name ?? 'weekly-faq',
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  if (usePretty) {
    const destination = options.destination ?? pretty({ colorize: true, destination: fd, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
    return pino(base, destination);
  }
  return pino(base, options.destination ?? pino.destination({ fd, sync: true }));
}
