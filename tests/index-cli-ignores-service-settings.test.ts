import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, test } from 'node:test';
import { launchArgs } from './helpers/launch-entry.ts';
import { ROOT } from './helpers/start-service-child.ts';
import { makeTempDir, startTestMeili, type TestMeili } from './helpers/start-test-meili.ts';

let meili: TestMeili | undefined;
let dataDir: string | undefined;
after(async () => {
  await meili?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

test('npm run index validates only the settings it uses: a bad PORT (the service\'s) does not stop it; a bad INDEX_NAME does', async () => {
  meili = await startTestMeili();
  dataDir = await makeTempDir('weekly-faq-index-cli-');
  const source = path.join(ROOT, 'tests/fixtures/posts/askers-without-at');
  const { WEEKLY_SOURCE: _w, SOURCES: _s, ...base } = process.env;
  const run = (env: Record<string, string>) => spawnSync(process.execPath, launchArgs('indexer/cli/index-cli.js', source), {
    cwd: ROOT, encoding: 'utf8', timeout: 180_000,
    env: { ...base, DATA_DIR: dataDir!, MEILI_URL: meili!.connection.url, MEILI_MASTER_KEY: meili!.masterKey, INDEX_NAME: meili!.config.indexName, LOG_LEVEL: 'warn', ...env },
  });

  const indexed = run({ PORT: 'abc', SEARCH_RATE_LIMIT: 'lots', TRUST_PROXY: 'everyone' });
  assert.equal(indexed.status, 0, indexed.stderr);
  assert.equal((JSON.parse(indexed.stdout) as { outcome: string }).outcome, 'succeeded');

  const bad = run({ INDEX_NAME: 'no spaces please' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /Invalid configuration: INDEX_NAME: /);
});
