import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_PARAMS } from '../web/src/core/search-params.ts';
import { searchReducer } from '../web/src/core/search-reducer.ts';
import { getInitialState, type SearchAction, type SearchState } from '../web/src/core/search-state.ts';
import { createSeededRandom } from './helpers/seeded-random.ts';
import { makeResult } from './helpers/web-fakes.ts';

const run = (actions: SearchAction[], state: SearchState = getInitialState()) => actions.reduce(searchReducer, state);
const params = (q: string) => ({ ...DEFAULT_PARAMS, q });

test('starts idle with no result', () => {
  assert.deepEqual(getInitialState(), { status: 'idle', params: DEFAULT_PARAMS, requestId: 0, result: null, resultParams: null, error: null, droppedProjects: null });
});

test('request → loading → stalled → success goes back to idle with the result and its params', () => {
  const result = makeResult('a');
  let state = run([{ type: 'setParams', params: params('a') }, { type: 'request', requestId: 1 }]);
  assert.equal(state.status, 'loading');
  state = searchReducer(state, { type: 'stalled', requestId: 1 });
  assert.equal(state.status, 'stalled');
  state = searchReducer(state, { type: 'success', requestId: 1, params: params('a'), result });
  assert.equal(state.status, 'idle');
  assert.equal(state.result, result);
  assert.deepEqual(state.resultParams, params('a'));
});

test('a stale answer (not the latest request) changes nothing', () => {
  const before = run([{ type: 'request', requestId: 1 }, { type: 'request', requestId: 2 }]);
  assert.equal(searchReducer(before, { type: 'success', requestId: 1, params: params('old'), result: makeResult('old') }), before);
  assert.equal(searchReducer(before, { type: 'failure', requestId: 1, error: { code: 'network', message: 'x' } }), before);
  assert.equal(searchReducer(before, { type: 'stalled', requestId: 1 }), before);
});

test('stalled only applies while loading', () => {
  const done = run([{ type: 'request', requestId: 1 }, { type: 'success', requestId: 1, params: params('a'), result: makeResult('a') }]);
  assert.equal(searchReducer(done, { type: 'stalled', requestId: 1 }), done);
});

test('a failure keeps the last result and records the error; the next success clears it', () => {
  const first = makeResult('a');
  let state = run([{ type: 'request', requestId: 1 }, { type: 'success', requestId: 1, params: params('a'), result: first }, { type: 'request', requestId: 2 }, { type: 'failure', requestId: 2, error: { code: 'network', message: 'down' } }]);
  assert.equal(state.status, 'error');
  assert.equal(state.result, first);
  assert.deepEqual(state.error, { code: 'network', message: 'down' });
  state = run([{ type: 'request', requestId: 3 }, { type: 'success', requestId: 3, params: params('b'), result: makeResult('b') }], state);
  assert.equal(state.status, 'idle');
  assert.equal(state.error, null);
});

test('reset drops the result and makes answers to earlier requests stale', () => {
  let state = run([{ type: 'request', requestId: 1 }, { type: 'reset', requestId: 2 }]);
  assert.equal(state.status, 'idle');
  assert.equal(state.result, null);
  state = searchReducer(state, { type: 'success', requestId: 1, params: params('a'), result: makeResult('a') });
  assert.equal(state.result, null);
});

test('the reducer does not mutate its input (random action sequences)', () => {
  const kinds = ['setParams', 'request', 'stalled', 'success', 'failure', 'reset'] as const;
  const random = createSeededRandom();
  const seen = new Set<string>();
  for (let round = 0; round < 200; round++) {
    let state = getInitialState();
    for (let step = 0; step < 12; step++) {
      const kind = kinds[random.below(kinds.length)]!;
      const requestId = random.below(4);
      const action: SearchAction = kind === 'setParams' ? { type: kind, params: params(String(step)) }
        : kind === 'success' ? { type: kind, requestId, params: params('x'), result: makeResult('x') }
        : kind === 'failure' ? { type: kind, requestId, error: { code: 'e', message: 'm' } }
        : { type: kind, requestId };
      const frozen = JSON.stringify(state);
      const next = searchReducer(state, action);
      const replay = `${random.describeSeed()} round ${round} step ${step}: ${JSON.stringify({ action, next })}`;
      assert.equal(JSON.stringify(state), frozen, replay);
      // invariant: an error status always has an error; the idle status never does
      if (next.status === 'error') assert.ok(next.error, replay);
      if (next.status === 'idle') assert.equal(next.error, null, replay);
      seen.add(next.status);
      state = next;
    }
  }
  // The sequences must reach every status, or the invariants above checked nothing.
  assert.deepEqual([...seen].sort(), ['error', 'idle', 'loading', 'stalled'], random.describeSeed());
});
