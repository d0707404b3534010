import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../src/config.ts';
import { ConfigError } from '../src/errors/config-error.ts';

// The admin endpoints read the token as one word after "Bearer": a configured token no request can
// carry (a space inside, a non-ASCII character) locked the operator out with 401 "Admin token rejected".

for (const token of ['my admin token 1234567', 'tab\tseparated-token-123', 'pässwörd-ädmin-tökén']) {
  test(`ADMIN_TOKEN ${JSON.stringify(token)} is a configuration error naming ADMIN_TOKEN`, () => {
    assert.throws(() => loadConfig({ ADMIN_TOKEN: token }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.variable, 'ADMIN_TOKEN');
      assert.match(error.message, /printable ASCII without spaces/);
      return true;
    });
  });
}

test('a token of printable ASCII (what openssl rand -base64 gives) is accepted as it is', () => {
  const token = 'k3J+9/aZ0q==x-_.~!$&*';
  assert.equal(loadConfig({ ADMIN_TOKEN: token }).adminToken, token);
});
