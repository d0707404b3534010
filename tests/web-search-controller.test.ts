import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiClientError } from '../web/src/core/api-client.ts';
import { createSearchController } from '../web/src/core/create-search-controller.ts';
import { DEFAULT_PARAMS } from '../web/src/core/search-params.ts';
import { createSeededRandom } from './helpers/seeded-random.ts';
import { createFakeClient, createFakeTimers, flush, makeResult } from './helpers/web-fakes.ts';

const params = (q: string) => ({ ...DEFAULT_PARAMS, q });

function setup(options: { retryMs?: number } = {}) {
  const client = createFakeClient();
  const timers = createFakeTimers();
  const controller = createSearchController({ client, timers, debounceMs: 100, stalledMs: 500, retryMs: options.retryMs ?? 0 });
  return { client, timers, controller };
}

test('typing is debounced: one request for the last text', () => {
  const { client, timers, controller } = setup();
  for (const q of ['t', 'ti', 'tim']) {
    controller.setParams(params(q), { debounce: true });
    timers.tick(50);
  }
  assert.equal(client.calls.length, 0);
  timers.tick(100);
  assert.deepEqual(client.calls.map((c) => c.params.q), ['tim']);
  assert.equal(controller.getState().status, 'loading');
});

test('an answer arriving while the next keystroke waits out its debounce does not drop that search', async () => {
  const { client, timers, controller } = setup();
  controller.setParams(params('elec'), { debounce: true });
  timers.tick(100);
  assert.deepEqual(client.calls.map((c) => c.params.q), ['elec']);
  controller.setParams(params('election'), { debounce: true });
  client.calls[0]!.answer.resolve(makeResult('elec')); // a slow machine: the older answer lands now
  await flush();
  timers.tick(100);
  assert.deepEqual(client.calls.map((c) => c.params.q), ['elec', 'election'], 'the last text is still searched');
  client.calls[1]!.answer.resolve(makeResult('election'));
  await flush();
  assert.equal(controller.getState().result?.query, 'election');
});

test('a slow answer to an older query never overwrites a newer one', async () => {
  const { client, controller } = setup();
  controller.setParams(params('old'));
  controller.setParams(params('new'));
  assert.equal(client.calls.length, 2);
  assert.equal(client.calls[0]!.signal?.aborted, true, 'the older request is aborted');
  client.calls[1]!.answer.resolve(makeResult('new'));
  await flush();
  client.calls[0]!.answer.resolve(makeResult('old')); // arrives last
  await flush();
  assert.equal(controller.getState().result?.query, 'new');
  assert.equal(controller.getState().status, 'idle');
});

test('a late failure of an older request is ignored too', async () => {
  const { client, controller } = setup();
  controller.setParams(params('a'));
  controller.setParams(params('b'));
  client.calls[1]!.answer.resolve(makeResult('b'));
  client.calls[0]!.answer.reject(new ApiClientError('network', 'gone'));
  await flush();
  assert.equal(controller.getState().status, 'idle');
  assert.equal(controller.getState().error, null);
});

test('a request in flight for stalledMs is reported stalled', async () => {
  const { client, timers, controller } = setup();
  controller.setParams(params('slow'));
  timers.tick(499);
  assert.equal(controller.getState().status, 'loading');
  timers.tick(1);
  assert.equal(controller.getState().status, 'stalled');
  client.calls[0]!.answer.resolve(makeResult('slow'));
  await flush();
  assert.equal(controller.getState().status, 'idle');
  assert.equal(timers.pending(), 0);
});

test('a failure is an error state with the API code, retried until it works', async () => {
  const { client, timers, controller } = setup({ retryMs: 1000 });
  controller.setParams(params('x'));
  client.calls[0]!.answer.reject(new ApiClientError('search-unavailable', 'Meilisearch is down', 503));
  await flush();
  assert.equal(controller.getState().status, 'error');
  assert.equal(controller.getState().error?.code, 'search-unavailable');
  timers.tick(1000);
  assert.equal(client.calls.length, 2, 'retried');
  client.calls[1]!.answer.resolve(makeResult('x'));
  await flush();
  assert.equal(controller.getState().status, 'idle');
  assert.equal(controller.getState().result?.query, 'x');
});

test('a refused request (4xx) is an error state with its status, never retried by itself', async () => {
  const { client, timers, controller } = setup({ retryMs: 1000 });
  controller.setParams(params('x'.repeat(5000)));
  client.calls[0]!.answer.reject(new ApiClientError('invalid-parameter', 'q: the question is too long: 5000 characters, at most 4096', 400));
  await flush();
  assert.equal(controller.getState().status, 'error');
  assert.equal(controller.getState().error?.status, 400);
  timers.tick(10_000);
  assert.equal(client.calls.length, 1, 'not retried');
  controller.setParams(params('short'));
  assert.equal(client.calls.length, 2, 'a new question is sent at once');
});

test('asking again for the search on screen or in flight sends nothing', async () => {
  const { client, controller } = setup();
  controller.setParams(params('a'));
  controller.setParams(params('a'));
  assert.equal(client.calls.length, 1);
  client.calls[0]!.answer.resolve(makeResult('a'));
  await flush();
  controller.setParams(params('a'));
  assert.equal(client.calls.length, 1);
  controller.refresh();
  assert.equal(client.calls.length, 2, 'refresh always asks');
});

test('reset drops a pending debounce and the request in flight', async () => {
  const { client, timers, controller } = setup();
  controller.setParams(params('a'));
  controller.setParams(params('ab'), { debounce: true });
  controller.reset(params(''));
  timers.tick(1000);
  assert.equal(client.calls.length, 1);
  assert.equal(client.calls[0]!.signal?.aborted, true);
  client.calls[0]!.answer.resolve(makeResult('a'));
  await flush();
  assert.equal(controller.getState().result, null);
  assert.equal(controller.getState().params.q, '');
});

test('subscribers see each state once, in order', async () => {
  const { client, timers, controller } = setup();
  const statuses: string[] = [];
  controller.subscribe((state) => statuses.push(state.status));
  controller.setParams(params('a'));
  timers.tick(500);
  client.calls[0]!.answer.resolve(makeResult('a'));
  await flush();
  assert.deepEqual(statuses, ['idle', 'loading', 'stalled', 'idle']); // setParams, request, stalled, success
});

test('random interleavings: the state always ends with the answer to the latest request', async () => {
  const random = createSeededRandom();
  for (let round = 0; round < 50; round++) {
    const { client, controller } = setup();
    const n = 2 + random.below(5);
    for (let i = 0; i < n; i++) controller.setParams(params(`q${i}`));
    assert.equal(client.calls.length, n, `${random.describeSeed()} round ${round}: one request per search`);
    // Fisher-Yates: sort() with a random comparator is neither uniform nor reproducible across engines.
    const order = client.calls.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = random.below(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      client.calls[i]!.answer.resolve(makeResult(`q${i}`));
      await flush();
    }
    assert.equal(controller.getState().result?.query, `q${n - 1}`, `${random.describeSeed()} round ${round}, answer order ${order.join(',')}`);
  }
});
