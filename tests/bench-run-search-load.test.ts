import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { runSearchLoad } from '../bench/run-search-load.ts';

// The search benchmark's load generator replays a search as the API sends it: the requests of a
// phase together, the next phase only after they answered; the idle form when alone in flight.

test('a replayed search sends each phase together and the next one after it answered', async () => {
  const events: string[] = [];
  let open = 0;
  // /a and /b are held until both arrived (or 5 s passed: they were sent one after the other), so
  // the order below does not depend on how fast a loaded machine sends the second one.
  const held: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    open += 1;
    events.push(`start ${req.url} (${open} open)`);
    const end = () => {
      open -= 1;
      events.push(`end ${req.url}`);
      res.end('{}');
    };
    if (req.url !== '/a' && req.url !== '/b') return void setTimeout(end, 30);
    held.push(end);
    const release = () => held.splice(0).forEach((done) => done());
    if (held.length === 2) release();
    else setTimeout(release, 5_000).unref();
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const search = {
      idle: [[{ method: 'POST', path: '/a', body: '{}' }, { method: 'POST', path: '/b', body: '{}' }], [{ method: 'POST', path: '/page', body: '{}' }]],
      busy: [[{ method: 'POST', path: '/one', body: '{}' }]],
    };
    const figures = await runSearchLoad({ origin, searches: [search], connections: 1, seconds: 0.1 });
    assert.ok(figures.rps > 0 && figures.p50 > 0);
    assert.deepEqual(events.slice(0, 6), ['start /a (1 open)', 'start /b (2 open)', 'end /a', 'end /b', 'start /page (1 open)', 'end /page']);
    assert.ok(!events.some((e) => e.includes('/one')), 'alone in flight: the idle form only');

    events.length = 0;
    // 1 s, not 0.1: a loaded machine (load 24) let that much pass before the second connection's
    // first search, which then never ran
    await runSearchLoad({ origin, searches: [search], connections: 2, seconds: 1 });
    assert.ok(events.some((e) => e.includes('/one')), 'with another search in flight: the busy form');
  } finally {
    server.close();
  }
});
