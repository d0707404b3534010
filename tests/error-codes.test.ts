import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

const dir = new URL('../src/errors/', import.meta.url);

test('every error code is unique and documented in src/errors/README.md', () => {
  const readme = readFileSync(new URL('README.md', dir), 'utf8');
  const codes = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(new URL(f, dir), 'utf8').matchAll(/readonly code = '([^']+)'/g)].map((m) => m[1] ?? ''));
  assert.ok(codes.length >= 10);
  assert.equal(new Set(codes).size, codes.length, 'codes are unique');
  for (const code of codes) assert.ok(readme.includes(`\`${code}\``), `${code} is documented`);
  for (const code of ['meili-unreachable', 'meili-request-failed', 'unexpected']) assert.ok(readme.includes(`\`${code}\``));
});
