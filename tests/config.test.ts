import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../src/config.ts';

test('defaults', () => {
  const config = loadConfig({});
  assert.equal(config.meiliUrl, undefined);
  assert.equal(config.dataDir, path.resolve('./data'));
  assert.equal(config.indexName, 'qa');
  assert.equal(config.reindexCron, '0 3 * * *');
  assert.equal(config.timeZone, 'Asia/Shanghai');
  assert.equal(config.port, 3000);
  assert.deepEqual(config.corsOrigins, []);
  assert.equal(config.publicBaseUrl, 'https://www.sofastack.tech/blog/');
  assert.equal(config.logLevel, 'info');
  assert.equal(config.listingCacheSeconds, 10);
  assert.ok(Object.isFrozen(config));
});

test('values are parsed and normalized; empty counts as unset', () => {
  const config = loadConfig({
    MEILI_URL: 'http://127.0.0.1:7700', MEILI_MASTER_KEY: 'x'.repeat(16), DATA_DIR: '/srv/faq', PORT: ' 8080 ',
    REINDEX_CRON: 'off', CORS_ORIGINS: 'https://a.example, http://localhost:5173', PUBLIC_BASE_URL: 'https://example.com/blog',
    LOG_LEVEL: 'DEBUG', INDEX_NAME: '', TZ: 'UTC', LISTING_CACHE_SECONDS: '0',
  });
  assert.equal(config.listingCacheSeconds, 0);
  assert.equal(config.port, 8080);
  assert.equal(config.reindexCron, null);
  assert.deepEqual(config.corsOrigins, ['https://a.example', 'http://localhost:5173']);
  assert.equal(config.publicBaseUrl, 'https://example.com/blog/');
  assert.equal(config.logLevel, 'debug');
  assert.equal(config.indexName, 'qa');
  assert.equal(config.dataDir, '/srv/faq');
});

test('a bad value throws a ConfigError naming the variable', () => {
  const cases: [Record<string, string>, string][] = [
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ REINDEX_CRON: 'nightly' }, 'REINDEX_CRON'],
    [{ TZ: 'Mars/Olympus' }, 'TZ'],
    [{ MEILI_URL: 'ftp://x' }, 'MEILI_URL'],
    [{ MEILI_URL: 'http://x:7700' }, 'MEILI_MASTER_KEY'],
    [{ MEILI_MASTER_KEY: 'short' }, 'MEILI_MASTER_KEY'],
    [{ INDEX_NAME: 'q a' }, 'INDEX_NAME'],
    [{ CORS_ORIGINS: 'example.com' }, 'CORS_ORIGINS'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN'],
    [{ LISTING_CACHE_SECONDS: '-1' }, 'LISTING_CACHE_SECONDS'],
    [{ LISTING_CACHE_SECONDS: '2.5' }, 'LISTING_CACHE_SECONDS'],
  ];
  for (const [env, variable] of cases) {
    assert.throws(() => loadConfig(env), (error: { code?: string; variable?: string; message?: string }) => {
      assert.equal(error.code, 'config-invalid');
      assert.equal(error.variable, variable);
      assert.match(error.message ?? '', new RegExp(`^Invalid configuration: ${variable}: `));
      return true;
    }, JSON.stringify(env));
  }
});
