import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiClientError } from '../web/src/core/api-client.ts';
import { createSearchController } from '../web/src/core/create-search-controller.ts';
import { DEFAULT_PARAMS } from '../web/src/core/search-params.ts';
import { isRateLimited, isRequestRejected } from '../web/src/core/search-state.ts';
import { createFakeClient, createFakeTimers, flush, makeResult } from './helpers/web-fakes.ts';

// Too many searches (429): the question is fine, so it is neither "refused" nor retried like an
// outage; it goes again once, after the Retry-After the API asked for (the widget too: retryMs 0).
const tooMany = (seconds: number | null) => new ApiClientError('rate-limited', 'Too many searches', 429, seconds);

test('a 429 waits its Retry-After, then searches again once', async () => {
  const client = createFakeClient();
  const timers = createFakeTimers();
  const controller = createSearchController({ client, timers, retryMs: 0 });
  controller.setParams({ ...DEFAULT_PARAMS, q: 'timeout' });
  client.calls[0]!.answer.reject(tooMany(7));
  await flush();
  const error = controller.getState().error;
  assert.equal(controller.getState().status, 'error');
  assert.ok(isRateLimited(error) && !isRequestRejected(error), 'not shown as a refused question');
  assert.equal(error?.retryAfter, 7);
  assert.equal(error?.willRetry, true);
  timers.tick(6_999);
  assert.equal(client.calls.length, 1, 'not before Retry-After');
  timers.tick(1);
  assert.deepEqual(client.calls.map((c) => c.params.q), ['timeout', 'timeout']);
  client.calls[1]!.answer.reject(tooMany(7));
  await flush();
  assert.equal(controller.getState().error?.willRetry, false, 'a second 429 in a row is shown, not retried');
  timers.tick(60_000);
  assert.equal(client.calls.length, 2);
  controller.refresh();
  client.calls[2]!.answer.resolve(makeResult('timeout'));
  await flush();
  assert.equal(controller.getState().status, 'idle');
});

test('a 429 without Retry-After waits 5 s; an absurd one is capped at 2 min', async () => {
  for (const [given, waited] of [[null, 5], [86_400, 120]] as const) {
    const client = createFakeClient();
    const timers = createFakeTimers();
    const controller = createSearchController({ client, timers, retryMs: 5000 });
    controller.setParams({ ...DEFAULT_PARAMS, q: 'x' });
    client.calls[0]!.answer.reject(tooMany(given));
    await flush();
    assert.equal(controller.getState().error?.retryAfter, waited);
    timers.tick(waited * 1000 - 1);
    assert.equal(client.calls.length, 1);
    timers.tick(1);
    assert.equal(client.calls.length, 2);
  }
});
