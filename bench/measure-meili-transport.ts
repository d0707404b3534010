/**
 * Client CPU per Meilisearch request of the search transport (`createMeiliTransport`: the
 * request, the answer's bytes and its JSON parse), this checkout's against other checkouts'
 * (`--root DIR`), alternating in one process, on the requests the bench searches send
 * (recorded first) to the embedded Meilisearch of an indexed DATA_DIR copy.
 *
 *   npx tsx bench/measure-meili-transport.ts --data-dir /tmp/indexed --root /tmp/base [--rounds 9]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createMeiliTransport, type MeiliTransport, type MeiliTransportOptions } from '../src/meili/create-meili-transport.ts';
import { searchQa } from '../src/search/search-qa.ts';
import { recordMeiliAnswers, startOnCopy, type SearchQaFunction } from './record-meili-answers.ts';
import { BENCH_QUERIES, toSearchParams, toSearchRequestOf } from './search-queries.ts';
import { median } from './stats.ts';

const { values } = parseArgs({ options: {
  'data-dir': { type: 'string' }, root: { type: 'string', multiple: true, default: [] }, rounds: { type: 'string', default: '9' },
} });
if (!values['data-dir']) {
  process.stderr.write('usage: npx tsx bench/measure-meili-transport.ts --data-dir DIR [--root DIR]... [--rounds 9]\n');
  process.exit(2);
}
type CreateTransport = (options: MeiliTransportOptions) => MeiliTransport;
const factories: { name: string; create: CreateTransport }[] = [{ name: 'this checkout', create: createMeiliTransport }];
for (const root of values.root) {
  const module = (await import(path.resolve(root, 'src/meili/create-meili-transport.ts'))) as { createMeiliTransport: CreateTransport };
  factories.push({ name: root, create: module.createMeiliTransport });
}
const requests = BENCH_QUERIES.map((query) => toSearchRequestOf(toSearchParams(query.params)));
const calls = [...(await recordMeiliAnswers(values['data-dir'], [searchQa as SearchQaFunction], requests)).keys()].map((key) => {
  const at = key.indexOf('\n');
  return { path: key.slice(0, at), body: key.slice(at + 1) };
});
const { service, stop } = await startOnCopy(values['data-dir']);
try {
  const transports = factories.map(({ name, create }) => ({ name, transport: create({ url: service.meiliUrl, apiKey: service.searchKey }) }));
  for (const { transport } of transports) for (const call of calls) await transport.post(call.path, call.body); // warm-up
  const cpuMs = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const figures = new Map<string, number[]>();
  const rounds = Number(values.rounds);
  for (let r = 0; r < rounds; r++) {
    for (const { name, transport } of r % 2 ? [...transports].reverse() : transports) {
      const before = cpuMs();
      for (let i = 0; i < 3; i++) for (const call of calls) await transport.post(call.path, call.body);
      figures.set(name, [...(figures.get(name) ?? []), (cpuMs() - before) / (3 * calls.length)]);
    }
  }
  for (const { transport } of transports) transport.close();
  process.stdout.write(`${calls.length} requests\n`);
  for (const [name, list] of figures) process.stdout.write(`${name}: ${median(list).toFixed(3)} ms client CPU per request (median of ${rounds} rounds; min ${Math.min(...list).toFixed(3)})\n`);
} finally {
  await stop();
}
