import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../src/config.ts';

interface Service {
  image: string;
  environment: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8')) as { services: Record<string, Service> };
const meili = compose.services.meilisearch;
const app = compose.services['weekly-faq'];

/** Variables the compose file leaves out on purpose. */
const NOT_IN_COMPOSE = new Set(['MEILI_BIN']);

test('docker-compose.yml lists exactly the variables of src/config.ts for the service', () => {
  assert.ok(app && meili);
  const configNames = Object.values(CONFIG_VARIABLES).map((v) => v.env);
  const composeNames = Object.keys(app.environment);
  assert.deepEqual(composeNames.filter((n) => !configNames.includes(n)), [], 'unknown variables in docker-compose.yml');
  assert.deepEqual(configNames.filter((n) => !composeNames.includes(n) && !NOT_IN_COMPOSE.has(n)), [], 'config variables missing from docker-compose.yml');
});

test('the compose defaults are valid configuration and wire the service to the Meilisearch container', () => {
  assert.ok(app && meili);
  // Resolve ${VAR:-default} / ${VAR:?message} as compose would with an env providing only the master key.
  const env = Object.fromEntries(Object.entries(app.environment).map(([name, value]) => [
    name,
    String(value).replace(/\$\{(\w+)(?::-([^}]*)|:\?[^}]*)?\}/g, (_m, variable: string, fallback?: string) => (variable === 'MEILI_MASTER_KEY' ? 'k'.repeat(32) : fallback ?? '')),
  ]));
  const config = loadConfig(env);
  assert.equal(config.meiliUrl, 'http://meilisearch:7700');
  assert.equal(config.reindexCron, '0 3 * * *');
  assert.equal(config.timeZone, 'Asia/Shanghai');
  assert.match(meili.image, /^getmeili\/meilisearch:v1\.21/);
  assert.equal(meili.environment.MEILI_MASTER_KEY, app.environment.MEILI_MASTER_KEY, 'one master key for both');
  assert.equal(meili.environment.MEILI_NO_ANALYTICS, 'true');
  assert.ok(meili.healthcheck?.test.some((part) => part.includes('/health')));
  assert.equal(app.depends_on?.meilisearch?.condition, 'service_healthy');
});
