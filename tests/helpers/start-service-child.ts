import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { findServicePort } from './find-service-port.ts';
import { launchArgs } from './launch-entry.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServiceChild {
  child: ChildProcess;
  port: number;
  url: string;
  /** Every JSON log line so far. */
  lines: Record<string, unknown>[];
  stderr(): string;
  exited: Promise<number | null>;
  /** Resolves at the `Listening` line; rejects when the process exits first. */
  listening: Promise<void>;
  /** Resolves with the first line `match` accepts (polls the lines; generous limit). */
  waitForLine(match: (line: Record<string, unknown>) => boolean, limitMs?: number): Promise<Record<string, unknown>>;
  kill(): void;
}

/**
 * The compiled service (`api/main.js` through the launcher, or `npm start` with `npm: true`) as a
 * child process on a free port, with
 * `env` over a neutral configuration (no cron, no MEILI_URL, info logs as JSON lines on stdout).
 */
export async function startServiceChild(env: Record<string, string>, options: { npm?: boolean } = {}): Promise<ServiceChild> {
  const port = await findServicePort();
  const fullEnv = { ...process.env, REINDEX_CRON: 'off', PORT: String(port), LOG_LEVEL: 'info', WEEKLY_SOURCE: '', MEILI_URL: '', MEILI_MASTER_KEY: '', ADMIN_TOKEN: '', SEARCH_RATE_LIMIT: '0', ...env };
  const child = options.npm
    ? spawn('npm', ['start', '--silent'], { cwd: ROOT, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, launchArgs('api/main.js'), { cwd: ROOT, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      lines.push({ msg: '(not JSON)', text: line });
    }
  });
  const waitForLine = async (match: (line: Record<string, unknown>) => boolean, limitMs = 180_000) => {
    const deadline = Date.now() + limitMs;
    for (;;) {
      const found = lines.find(match);
      if (found) return found;
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited (${child.exitCode ?? child.signalCode}) first; stderr: ${stderr}; last lines: ${JSON.stringify(lines.slice(-5))}`);
      if (Date.now() > deadline) throw new Error(`no such line within ${limitMs} ms; last lines: ${JSON.stringify(lines.slice(-5))}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const listening = waitForLine((l) => l.msg === 'Listening').then(() => undefined);
  listening.catch(() => undefined);
  return {
    child, port, url: `http://127.0.0.1:${port}`, lines, stderr: () => stderr, exited, listening, waitForLine,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
