// A service started without SOURCES or WEEKLY_SOURCE on a DATA_DIR whose index `npm run index -- <path>`
// built keeps serving that index (the sample posts only fill an empty one) and reindexes that path.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, test } from 'node:test';
import { launchArgs } from './helpers/launch-entry.ts';
import { makeTempDir, startTestMeili, type TestMeili } from './helpers/start-test-meili.ts';
import { ROOT, startServiceChild, type ServiceChild } from './helpers/start-service-child.ts';

const FIXTURES = path.resolve('tests/fixtures/posts');
const TOKEN = 'test-admin-token-0123456789';
let meili: TestMeili | undefined;
let service: ServiceChild | undefined;
let dir: string | undefined;
after(async () => {
  service?.kill();
  await meili?.stop();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

function runIndexCli(env: Record<string, string>, source: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, launchArgs('indexer/cli/index-cli.js', source), { cwd: ROOT, env: { ...process.env, WEEKLY_SOURCE: '', SOURCES: '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

async function expectedRecords(fixture: string): Promise<number> {
  return (JSON.parse(await fs.readFile(path.join(FIXTURES, fixture, 'expected.json'), 'utf8')) as { records: unknown[] }).records.length;
}

async function totalHits(url: string): Promise<number> {
  return ((await (await fetch(`${url}/api/search?q=`)).json()) as { totalHits: number }).totalHits;
}

test('a start without SOURCES or WEEKLY_SOURCE serves the index `npm run index -- <path>` built, says so, and the next reindex reads that path', async () => {
  meili = await startTestMeili();
  dir = await makeTempDir('weekly-faq-inherit-');
  const dataDir = path.join(dir, 'data');
  const site = path.join(dir, 'site');
  await fs.cp(path.join(FIXTURES, 'askers-without-at'), path.join(site, 'content/zh/blog/sofa-weekly-a'), { recursive: true });
  await fs.rm(path.join(site, 'content/zh/blog/sofa-weekly-a/expected.json'), { force: true });
  const env = { DATA_DIR: dataDir, MEILI_URL: meili.connection.url, MEILI_MASTER_KEY: meili.masterKey, INDEX_NAME: meili.config.indexName, LOG_LEVEL: 'info' };

  const indexed = await runIndexCli(env, site);
  assert.equal(indexed.code, 0, indexed.stderr);
  service = await startServiceChild({ ...env, ADMIN_TOKEN: TOKEN });
  await service.listening;
  const built = await totalHits(service.url);
  const notice = service.lines.filter((l) => String(l.msg).startsWith('No SOURCES or WEEKLY_SOURCE'));
  assert.equal(notice.length, 1, 'one line says which index is served');
  assert.deepEqual(notice[0]?.source, [site]);
  assert.ok(!service.lines.some((l) => l.msg === 'Reindex succeeded' || String(l.msg).startsWith('The source of weekly posts changed')), 'no reindex at start');
  assert.equal(built, await expectedRecords('askers-without-at'), 'the records of the site, not the sample posts');

  // one more post in the site: the next (nightly or manual) run reads the site, not the sample posts
  await fs.cp(path.join(FIXTURES, 'numbered-2019'), path.join(site, 'content/zh/blog/sofa-weekly-b'), { recursive: true });
  await fs.rm(path.join(site, 'content/zh/blog/sofa-weekly-b/expected.json'), { force: true });
  const auth = { authorization: `Bearer ${TOKEN}` };
  const started = await fetch(`${service.url}/api/admin/reindex`, { method: 'POST', headers: auth });
  assert.equal(started.status, 202);
  let lastRun = null as { outcome?: string; error?: unknown } | null;
  for (const deadline = Date.now() + 180_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const status = (await (await fetch(`${service.url}/api/admin/status`, { headers: auth })).json()) as { running: boolean; lastRun: typeof lastRun };
    if (!status.running && status.lastRun) {
      lastRun = status.lastRun;
      break;
    }
  }
  assert.equal(lastRun?.outcome, 'succeeded', JSON.stringify(lastRun));
  assert.equal(await totalHits(service.url), built + await expectedRecords('numbered-2019'), 'the new post of the site is served');
  const state = JSON.parse(await fs.readFile(path.join(dataDir, 'reindex-state.json'), 'utf8')) as { indexes: Record<string, { sources: string[] }> };
  assert.deepEqual(state.indexes[meili.config.indexName]?.sources, [site]);
});
