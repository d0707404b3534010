import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksLikeSecret } from '../src/insights/looks-like-secret.ts';
import { normalizeInsightQuery } from '../src/insights/normalize-insight-query.ts';

test('queries holding secrets or contact data are recognized; questions about them are not', () => {
  const secrets = [
    'password=hunter2', 'db 密码：abc12345', 'api_key: 0123456789', 'Authorization: Bearer abcdefghijklmnop0123',
    'ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'AKIAIOSFODNN7EXAMPLE', 'sk-live-abcdefghijklmnopqrstuvwx',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N', '-----BEGIN RSA PRIVATE KEY-----',
    'mysql://root:s3cret@10.0.0.1/db', 'Zx8fK2mQ9pL4vN7rT1wY5bH3jD6gS0aE', 'alice@example.com 无法登录', '手机 13812345678',
  ];
  for (const query of secrets) assert.ok(looksLikeSecret(normalizeInsightQuery(query)), query);
  const questions = [
    '忘记密码怎么办', 'how to rotate the api key', 'token 过期', 'SOFARPC 超时', 'jraft leader election timeout',
    'com.alipay.sofa.rpc.core.exception.SofaRpcException', 'mosn 1.5.0 升级', 'registry 推送 3000 ms', 'seata undo_log',
  ];
  for (const query of questions) assert.equal(looksLikeSecret(normalizeInsightQuery(query)), null, query);
});

test('queries are counted in one form: NFKC, lower case, spaces collapsed, at most 200 characters', () => {
  assert.equal(normalizeInsightQuery('  ＪRaft \u3000 超时 '), 'jraft 超时');
  assert.equal(normalizeInsightQuery('x'.repeat(300)).length, 200);
});
