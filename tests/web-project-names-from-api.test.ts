import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiClientError } from '../web/src/core/api-client.ts';
import { createSearchController } from '../web/src/core/create-search-controller.ts';
import { DEFAULT_PARAMS, type SearchParams } from '../web/src/core/search-params.ts';
import { createFakeClient, createFakeTimers, flush, makeResult } from './helpers/web-fakes.ts';

// The page and the widget send project names as written (`mosn`, `jraft`) and take the
// canonical names from the API's answer (`project`); a name the API refuses (400 naming
// `project`) is dropped once, with the API's message, instead of failing every search.

function setup(projects: string[]) {
  const client = createFakeClient();
  const controller = createSearchController({ client, timers: createFakeTimers(), retryMs: 0, initialParams: { ...DEFAULT_PARAMS, q: 'timeout', projects } });
  return { client, controller };
}

test('a name as written is sent as written; the answer\'s canonical names become the params', async () => {
  const { client, controller } = setup(['jraft', 'sofa-rpc']);
  controller.refresh();
  assert.deepEqual(client.calls[0]!.params.projects, ['jraft', 'sofa-rpc'], 'no mapping in the browser');
  client.calls[0]!.answer.resolve(makeResult('timeout', { project: ['SOFAJRaft', 'SOFARPC'] }));
  await flush();
  const state = controller.getState();
  assert.deepEqual(state.resultParams?.projects, ['SOFAJRaft', 'SOFARPC']);
  assert.deepEqual(state.params.projects, ['SOFAJRaft', 'SOFARPC']);
  assert.equal(state.droppedProjects, null);
  // the same search again is the one on screen: nothing is sent
  controller.setParams({ ...state.params });
  assert.equal(client.calls.length, 1);
});

test('an answer for params the reader has since changed leaves the new params alone', async () => {
  const { client, controller } = setup(['mosn']);
  controller.refresh();
  const moved: SearchParams = { ...DEFAULT_PARAMS, q: 'timeout', projects: ['mosn', 'seata'] };
  controller.setParams(moved, { debounce: true }); // waiting out its debounce
  client.calls[0]!.answer.resolve(makeResult('timeout', { project: ['MOSN'] }));
  await flush();
  assert.deepEqual(controller.getState().params.projects, ['mosn', 'seata']);
  assert.deepEqual(controller.getState().resultParams?.projects, ['MOSN']);
});

test('a project the API refuses is dropped once, saying why, and every project is searched', async () => {
  const { client, controller } = setup(['nosuch']);
  controller.refresh();
  client.calls[0]!.answer.reject(new ApiClientError('invalid-parameter', 'project: unknown project "nosuch"', 400, null, 'project'));
  await flush();
  assert.equal(client.calls.length, 2, 'searched again at once');
  assert.deepEqual(client.calls[1]!.params.projects, []);
  assert.equal(controller.getState().droppedProjects, 'project: unknown project "nosuch"');
  client.calls[1]!.answer.resolve(makeResult('timeout'));
  await flush();
  assert.equal(controller.getState().status, 'idle');
  assert.equal(controller.getState().droppedProjects, 'project: unknown project "nosuch"', 'still said after the answer');
  // typing on keeps the note; picking projects again clears it
  controller.setParams({ ...controller.getState().params, q: 'timeouts' });
  assert.notEqual(controller.getState().droppedProjects, null);
  controller.setParams({ ...controller.getState().params, projects: ['MOSN'] });
  assert.equal(controller.getState().droppedProjects, null);
});

test('of several projects, only the ones the API names as refused are dropped; the others are searched', async () => {
  const { client, controller } = setup(['mosn', 'nope', 'nada']);
  controller.refresh();
  client.calls[0]!.answer.reject(new ApiClientError('invalid-parameter', 'project: unknown project "nope"', 400, null, 'project', 'nope'));
  await flush();
  assert.deepEqual(client.calls[1]!.params.projects, ['mosn', 'nada']);
  client.calls[1]!.answer.reject(new ApiClientError('invalid-parameter', 'project: unknown project "nada"', 400, null, 'project', 'nada'));
  await flush();
  assert.deepEqual(client.calls[2]!.params.projects, ['mosn']);
  assert.equal(controller.getState().droppedProjects, 'project: unknown project "nope"; project: unknown project "nada"');
  client.calls[2]!.answer.resolve(makeResult('timeout', { project: ['MOSN'] }));
  await flush();
  assert.deepEqual(controller.getState().params.projects, ['MOSN']);
  assert.equal(client.calls.length, 3);
  // a refused name the filter does not hold as such (an API that does not say): every project
  const other = setup(['mosn']);
  other.controller.refresh();
  other.client.calls[0]!.answer.reject(new ApiClientError('invalid-parameter', 'project: unknown project "x"', 400, null, 'project', 'x'));
  await flush();
  assert.deepEqual(other.client.calls[1]!.params.projects, []);
});

test('another 400 (not about project) is still an error, not a drop', async () => {
  const { client, controller } = setup(['MOSN']);
  controller.refresh();
  client.calls[0]!.answer.reject(new ApiClientError('invalid-parameter', 'q: the question is too long', 400, null, 'q'));
  await flush();
  assert.equal(client.calls.length, 1);
  assert.equal(controller.getState().status, 'error');
  assert.deepEqual(controller.getState().params.projects, ['MOSN']);
});
