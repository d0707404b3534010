// MEILI_REPLICAS: unset or one replica is the single-server setup; several need the load
// balancer (MEILI_URL) and one master key; bad values name the variable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getReplicaDirName } from '../indexer/load/reindex-replicas.ts';
import { loadConfig } from '../src/config.ts';
import { ConfigError } from '../src/errors/config-error.ts';
import { getSearchKeyValue } from '../src/meili/ensure-api-keys.ts';

const KEY = 'k'.repeat(32);

test('unset MEILI_REPLICAS changes nothing; one replica is MEILI_URL', () => {
  assert.deepEqual(loadConfig({}).meiliReplicas, []);
  assert.equal(loadConfig({}).meiliUrl, undefined);
  const one = loadConfig({ MEILI_REPLICAS: 'http://10.0.0.1:7700/', MEILI_MASTER_KEY: KEY });
  assert.deepEqual(one.meiliReplicas, ['http://10.0.0.1:7700']);
  assert.equal(one.meiliUrl, 'http://10.0.0.1:7700');
});

test('several replicas: a list without blanks or repeats, behind MEILI_URL', () => {
  const config = loadConfig({ MEILI_URL: 'http://lb:7700', MEILI_MASTER_KEY: KEY, MEILI_REPLICAS: ' http://a:7700, http://b:7700/ ,,http://a:7700' });
  assert.deepEqual(config.meiliReplicas, ['http://a:7700', 'http://b:7700']);
  assert.equal(config.meiliUrl, 'http://lb:7700');
});

test('bad MEILI_REPLICAS settings name the variable to fix', () => {
  for (const [env, variable] of [
    [{ MEILI_REPLICAS: 'ftp://a', MEILI_MASTER_KEY: KEY }, 'MEILI_REPLICAS'],
    [{ MEILI_REPLICAS: 'http://a:7700,not a url', MEILI_MASTER_KEY: KEY, MEILI_URL: 'http://lb' }, 'MEILI_REPLICAS'],
    [{ MEILI_REPLICAS: 'http://a:7700' }, 'MEILI_MASTER_KEY'],
    [{ MEILI_REPLICAS: 'http://a:7700,http://b:7700', MEILI_MASTER_KEY: KEY }, 'MEILI_URL'],
  ] as const) {
    assert.throws(() => loadConfig(env), (error: unknown) => error instanceof ConfigError && error.message.includes(variable), JSON.stringify(env));
  }
});

test('each replica has its own state folder, and the search key follows from the master key alone', () => {
  assert.notEqual(getReplicaDirName('http://127.0.0.1:7701'), getReplicaDirName('http://127.0.0.1:7702'));
  assert.match(getReplicaDirName('https://meili1.internal:7700/'), /^[A-Za-z0-9._-]+$/);
  assert.equal(getSearchKeyValue(KEY, 'qa'), getSearchKeyValue(KEY, 'qa'));
  assert.notEqual(getSearchKeyValue(KEY, 'qa'), getSearchKeyValue('x'.repeat(32), 'qa'));
  assert.match(getSearchKeyValue(KEY, 'qa'), /^[0-9a-f]{64}$/);
});
