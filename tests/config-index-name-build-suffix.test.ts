import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../src/config.ts';
import { ConfigError } from '../src/errors/config-error.ts';

// A reindex of index `qa` deletes every `qa_build_<digits>` index as a build its killed runs left:
// a second service on the same Meilisearch with INDEX_NAME=qa_build_2 would lose its live index
// to the first one's next run.

test('INDEX_NAME ending in _build_<digits> is a configuration error naming INDEX_NAME', () => {
  assert.throws(() => loadConfig({ INDEX_NAME: 'qa_build_2' }), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.equal(error.variable, 'INDEX_NAME');
    assert.match(error.message, /_build_<digits>/);
    return true;
  });
});

test('names that merely contain build are accepted', () => {
  for (const name of ['qa', 'qa_build', 'build_qa', 'qa_build_v2', 'qa-build-2']) assert.equal(loadConfig({ INDEX_NAME: name }).indexName, name);
});
