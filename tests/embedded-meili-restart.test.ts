import assert from 'node:assert/strict';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import { Writable } from 'node:stream';
import { after, test } from 'node:test';
import { Meilisearch } from 'meilisearch';
import { createLogger } from '../src/logger.ts';
import { startEmbeddedMeili, type EmbeddedMeili } from '../src/meili/embedded-meili.ts';
import { makeTempDir } from './helpers/start-test-meili.ts';

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
const logger = createLogger({ level: 'debug', destination: sink });
let meili: EmbeddedMeili | undefined;
let dataDir: string;

after(async () => {
  await meili?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

test('a server that dies while running is restarted, with the reason logged; the key never reaches a log', async () => {
  dataDir = await makeTempDir();
  meili = await startEmbeddedMeili({ dataDir, logger, logLevel: 'debug' });
  assert.match(meili.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
  await client.createIndex('kept').waitTask({ timeout: 120_000 });
  assert.equal(JSON.stringify(meili).includes(meili.masterKey), false, 'master key not serialized');

  const firstPid = meili.pid;
  assert.ok(firstPid);
  const restarted = once(meili, 'restarted');
  const exited = once(meili, 'exited');
  process.kill(firstPid, 'SIGKILL');
  const [exit] = (await exited) as [{ signal: string }];
  assert.equal(exit.signal, 'SIGKILL');
  await restarted;
  await meili.ready();
  assert.notEqual(meili.pid, firstPid);
  assert.equal(meili.restarts, 1);
  assert.equal((await client.getIndex('kept')).uid, 'kept', 'same data after the restart');

  const why = lines.find((l) => String(l.msg).includes('stopped unexpectedly'));
  assert.ok(why, 'the unexpected stop is logged');
  assert.equal(why.level, 40);
  assert.match(String(why.msg), /killed by SIGKILL/);
  assert.ok(lines.some((l) => String(l.msg).startsWith('Embedded Meilisearch restarted')));
  const all = JSON.stringify(lines);
  assert.equal(all.includes(meili.masterKey), false, 'master key not in any log line');
});

test('the master key file is private and the redaction list hides keys logged by mistake', async () => {
  const stat = await fs.stat(`${dataDir}/meili-master-key`);
  assert.equal(stat.mode & 0o777, 0o600);
  logger.info({ masterKey: 'secret-1', connection: { adminKey: 'secret-2', headers: { authorization: 'Bearer secret-3' } } }, 'oops');
  const all = JSON.stringify(lines);
  assert.doesNotMatch(all, /secret-[123]/);
});
