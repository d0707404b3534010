import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { launchArgs } from './helpers/launch-entry.ts';
import { makeTempDir } from './helpers/start-test-meili.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = path.join(ROOT, 'tests/fixtures/posts');
let dataDir: string;

function runCli(args: string[], env: Record<string, string> = {}) {
  const { WEEKLY_SOURCE: _unused, ...base } = process.env;
  const result = spawnSync(process.execPath, launchArgs('indexer/cli/index-cli.js', ...args), {
    cwd: ROOT, encoding: 'utf8', env: { ...base, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env }, timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

before(async () => {
  dataDir = await makeTempDir();
});
after(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

test('bad arguments exit with 2 and say why', () => {
  const unknown = runCli(['--bogus']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /Unknown option '--bogus'/);
  assert.match(unknown.stderr, /Usage: npm run index/);

  const none = runCli([]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /no source/);

  const missing = runCli([path.join(dataDir, 'nope')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /source not found/);

  // a setting the CLI uses (the service's own, such as REINDEX_CRON, are not its business)
  const badEnv = runCli([FIXTURES], { INDEX_NAME: 'no spaces' });
  assert.equal(badEnv.status, 2);
  assert.match(badEnv.stderr, /INDEX_NAME/);
});

test('indexes a folder, skips it when unchanged, fails with 1 when the swap is refused', async () => {
  const first = runCli([FIXTURES]);
  assert.equal(first.status, 0, first.stderr);
  const report = JSON.parse(first.stdout);
  assert.equal(report.outcome, 'succeeded');
  assert.ok(report.posts.read > 0);
  assert.equal(report.documents, report.pairs);

  const again = runCli([], { WEEKLY_SOURCE: FIXTURES });
  assert.equal(again.status, 0, again.stderr);
  assert.equal(JSON.parse(again.stdout).outcome, 'skipped');

  // An empty source would empty the index: refused, exit 1, live unchanged.
  const empty = path.join(dataDir, 'empty');
  await fs.mkdir(empty);
  const refused = runCli([empty]);
  assert.equal(refused.status, 1);
  const refusedReport = JSON.parse(refused.stdout);
  assert.equal(refusedReport.error.code, 'reindex-shrink-refused');
  assert.equal(refusedReport.documents, report.documents);
  assert.match(refused.stderr, /Refusing to swap qa/);
});
