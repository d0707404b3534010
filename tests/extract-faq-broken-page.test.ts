import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchArgs } from './helpers/launch-entry.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BROKEN = path.join(ROOT, 'tests/fixtures/faq/broken');

test('a broken FAQ page is reported and skipped; the good pages are still extracted', () => {
  const run = spawnSync(process.execPath, launchArgs('indexer/cli/extract-cli.js', BROKEN), { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.status, 0, run.stderr);
  const records = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(records.map((record) => [record.kind, record.question]), [['faq', '好的页面照常读出吗？']]);
  assert.match(run.stderr, /sofa-rpc\/faq\/index\.md: front matter is not valid YAML.*\[bad-front-matter\]/);
  assert.match(run.stderr, /mosn\/faq\/index\.md: no question headings with answers on this FAQ page \[no-questions\]/);
  assert.match(run.stderr, /1 questions from 1 FAQ pages \(3 files: 0 neither, 2 failed\)/);
});
