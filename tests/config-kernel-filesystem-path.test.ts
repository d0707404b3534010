import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { test } from 'node:test';
import { loadConfig } from '../src/config.ts';
import { ConfigError } from '../src/errors/config-error.ts';
import { findServicePort } from './helpers/find-service-port.ts';
import { launchArgs } from './helpers/launch-entry.ts';

// INSIGHTS_DB or DATA_DIR under /proc (directly or through a symlink such as /dev/fd) used to
// hang: Node's recursive mkdir loops forever there. Such a path is a configuration error that
// names the variable and the path, and stops the start at once.

test('INSIGHTS_DB and DATA_DIR in /proc or /sys are refused, naming the variable and the path', () => {
  const cases: [env: Record<string, string>, variable: string, shown: string, fs: string][] = [
    [{ INSIGHTS_DB: '/proc/x/insights.db' }, 'INSIGHTS_DB', '/proc/x/insights.db', '/proc'],
    [{ INSIGHTS_DB: '/proc/self/insights.db' }, 'INSIGHTS_DB', '/proc/self/insights.db', '/proc'],
    [{ DATA_DIR: '/proc/x' }, 'DATA_DIR', '/proc/x', '/proc'],
    [{ DATA_DIR: '/sys/x/data' }, 'DATA_DIR', '/sys/x/data', '/sys'],
  ];
  if (fs.existsSync('/dev/fd') && fs.realpathSync('/dev/fd').startsWith('/proc/')) cases.push([{ INSIGHTS_DB: '/dev/fd/x/insights.db' }, 'INSIGHTS_DB', '/dev/fd/x/insights.db', '/proc']);
  for (const [env, variable, shown, root] of cases) {
    assert.throws(() => loadConfig(env), (error: unknown) => {
      assert.ok(error instanceof ConfigError, String(error));
      assert.equal(error.message, `Invalid configuration: ${variable}: ${shown} is in ${root}, a kernel filesystem where no folder or file can be created; expected a path on a disk`);
      return true;
    }, JSON.stringify(env));
  }
  // ordinary paths, and names that only start like one, are fine
  assert.equal(loadConfig({ DATA_DIR: '/procx/data', INSIGHTS_DB: '/tmp/proc/insights.db' }).insightsDb, '/tmp/proc/insights.db');
  assert.equal(loadConfig({ INSIGHTS_DB: 'off' }).insightsDb, 'off');
});

/** Start the service with `env` and wait (generously) for it to exit; null when it did not. */
async function startService(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, launchArgs('api/main.js'), {
    env: { ...process.env, PORT: String(await findServicePort()), REINDEX_CRON: 'off', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  const limit = setTimeout(() => child.kill('SIGKILL'), 180_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  clearTimeout(limit);
  return { code, stderr };
}

test('npm start with INSIGHTS_DB or DATA_DIR in /proc stops with the configuration error', async () => {
  const dataDir = fs.mkdtempSync('/tmp/weekly-faq-procfs-');
  try {
    for (const [env, variable, shown] of [[{ DATA_DIR: dataDir, INSIGHTS_DB: '/proc/x/insights.db' }, 'INSIGHTS_DB', '/proc/x/insights.db'], [{ DATA_DIR: '/proc/x' }, 'DATA_DIR', '/proc/x']] as const) {
      const { code, stderr } = await startService(env);
      assert.equal(code, 1, `${JSON.stringify(env)}: ${stderr}`);
      assert.match(stderr, new RegExp(`Invalid configuration: ${variable}: ${shown} is in /proc`));
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('insights opened on a /proc file (not through the configuration) are unavailable, not a hung process', async () => {
  // in a child process: before, the flush looped in mkdirSync for ever, and only a kill ends that
  const script = `
    import { createInsights } from ${JSON.stringify(new URL('../src/insights/create-insights.ts', import.meta.url).href)};
    const insights = createInsights({ file: '/proc/x/insights.sqlite', flushIntervalMs: 60_000, retryAfterMs: 60_000 });
    insights.record({ kind: 'search', ts: Date.now(), query: 'mosn', filters: null, hits: 1, strongHits: 1, project: null, latencyMs: 1, client: 'api', origin: null });
    insights.flush();
    console.log(JSON.stringify(insights.getDropped()));
    insights.close();`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const limit = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  clearTimeout(limit);
  assert.equal(code, 0, 'the process ended by itself');
  assert.equal(JSON.parse(stdout).unavailable, 1, 'the event was dropped as unavailable');
});
