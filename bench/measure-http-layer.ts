/**
 * CPU per request of the HTTP layer alone: `createApp` (every middleware with the production
 * defaults: info logging to /dev/null, metrics, the rate limiter on, insights) answering a
 * search from a fake backend that returns a recorded answer, this checkout's against other
 * checkouts' (`--root DIR`), and a bare `node:http` handler writing the same serialized answer (the
 * floor: what any server pays). One process, a keep-alive client in it, alternating rounds;
 * the figure is client + server CPU per request, so only differences between the lines mean
 * anything.
 *
 *   npx tsx bench/measure-http-layer.ts --answer <a search answer's JSON> [--root DIR]... [--rounds 11] [--requests 1000]
 *
 * `--answer`: e.g. `curl -s 'http://127.0.0.1:3000/api/search?q=sofa+rpc+timeout' > answer.json`.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import type { createApp as CreateApp } from '../api/create-app.ts';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import { serializeSearchAnswer } from '../api/routes/create-search-router.ts';
import { createInsights } from '../src/insights/create-insights.ts';
import { createLogger } from '../src/logger.ts';
import { median } from './stats.ts';

const { values } = parseArgs({ options: {
  answer: { type: 'string' }, root: { type: 'string', multiple: true, default: [] },
  rounds: { type: 'string', default: '11' }, requests: { type: 'string', default: '1000' },
} });
if (!values.answer) {
  process.stderr.write('usage: npx tsx bench/measure-http-layer.ts --answer FILE [--root DIR]... [--rounds 11] [--requests 1000]\n');
  process.exit(2);
}
const answer = JSON.parse(fs.readFileSync(values.answer, 'utf8')) as { query?: string; processingTimeMs?: number };
const query = `/api/search?q=${encodeURIComponent(answer.query ?? '')}`;
const devNull = fs.openSync('/dev/null', 'w');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-faq-http-layer-'));

function appOf(create: typeof CreateApp, name: string): http.RequestListener {
  return create({
    backend: { search: async () => structuredClone(answer) } as unknown as Parameters<typeof CreateApp>[0]['backend'],
    logger: createLogger({ destination: pino.destination({ fd: devNull, sync: true }) }),
    metrics: createMetrics(),
    config: { adminToken: '', corsOrigins: [], searchRateLimit: 9_999_999 },
    insights: createInsights({ file: path.join(scratch, `${name.replace(/\W/g, '_')}.sqlite`) }),
  }) as unknown as http.RequestListener;
}

const listeners: { name: string; listener: http.RequestListener }[] = [{ name: 'this checkout', listener: appOf(createApp, 'this') }];
for (const root of values.root) {
  const module = (await import(path.resolve(root, 'api/create-app.ts'))) as { createApp: typeof CreateApp };
  listeners.push({ name: root, listener: appOf(module.createApp, root) });
}
listeners.push({
  name: 'bare node:http handler',
  listener: (_req, res) => {
    const { body } = serializeSearchAnswer(structuredClone(answer));
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', body.length);
    res.end(body);
  },
});

/** Client + server CPU per request, ms, over `n` sequential keep-alive requests after a warm-up. */
async function measure(listener: http.RequestListener, n: number): Promise<number> {
  const server = http.createServer(listener).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const { port } = server.address() as AddressInfo;
  const get = () => new Promise<void>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: query, agent }, (res) => {
      res.resume();
      res.on('end', resolve);
    }).on('error', reject);
  });
  for (let i = 0; i < 300; i++) await get();
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) await get();
  const used = process.cpuUsage(before);
  agent.destroy();
  await new Promise((resolve) => server.close(resolve));
  return (used.user + used.system) / n / 1000;
}

const figures = new Map<string, number[]>();
for (let round = 0; round < Number(values.rounds); round++) {
  for (const { name, listener } of round % 2 ? [...listeners].reverse() : listeners) {
    figures.set(name, [...(figures.get(name) ?? []), await measure(listener, Number(values.requests))]);
  }
}
for (const [name, list] of figures) process.stdout.write(`${name}: ${median(list).toFixed(3)} ms CPU per request, client and server (median of ${list.length} rounds; min ${Math.min(...list).toFixed(3)})\n`);
process.stdout.write(`load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}\n`);
fs.rmSync(scratch, { recursive: true, force: true });
process.exit(0);
