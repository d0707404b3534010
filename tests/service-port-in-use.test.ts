import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { after, test } from 'node:test';
import { startServiceChild, ROOT, type ServiceChild } from './helpers/start-service-child.ts';
import { makeTempDir } from './helpers/start-test-meili.ts';

// A PORT another process holds: the start stops at once naming PORT, before it starts Meilisearch
// and indexes (a first start clones and indexes the source for minutes before it listens).

const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

test('a PORT in use stops the start before Meilisearch and the index, naming PORT and the port', async () => {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(0, resolve));
  cleanups.push(() => new Promise<void>((resolve) => holder.close(() => resolve())));
  const port = (holder.address() as net.AddressInfo).port;
  const dataDir = await makeTempDir('weekly-faq-port-');
  cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));

  const service: ServiceChild = await startServiceChild({ DATA_DIR: dataDir, PORT: String(port), WEEKLY_SOURCE: path.join(ROOT, 'samples/posts') });
  cleanups.push(() => service.kill());
  assert.equal(await service.exited, 1, service.stderr());
  const failed = service.lines.find((line) => line.msg !== undefined && String(line.msg).startsWith('Start failed'));
  assert.ok(failed, JSON.stringify(service.lines.slice(-5)));
  assert.match(String(failed.msg), new RegExp(`PORT: port ${port} is already in use`));
  assert.ok(!service.lines.some((line) => line.msg === 'Embedded Meilisearch is up' || line.msg === 'Reindex started'), 'nothing was started or indexed');
});
