import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, test } from 'node:test';
import request from 'supertest';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import { MAX_FEEDBACK_BODY_BYTES } from '../api/routes/create-feedback-router.ts';
import { loadConfig } from '../src/config.ts';
import { MAX_QUERY_LENGTH } from '../src/contract/request-schemas.ts';
import { createInsights } from '../src/insights/create-insights.ts';
import { createFakeSearchBackend } from './helpers/fake-search-backend.ts';
import { createTestLogger, makeTempDir } from './helpers/start-test-meili.ts';

const SESSION = 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6';
let dir: string;
after(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** JSON as an ASCII-only encoder sends it: every non-ASCII character as `\uXXXX` (6 bytes). */
const asciiJson = (value: unknown) => JSON.stringify(value).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

test('a click and a vote on a result of the longest Chinese query fit the body limit; a larger body is a 413 stating the limit', async () => {
  dir = await makeTempDir('weekly-faq-feedback-');
  const insights = createInsights({ file: path.join(dir, 'insights.sqlite'), flushIntervalMs: 60_000 });
  const app = createApp({
    backend: createFakeSearchBackend(), logger: createTestLogger(), metrics: createMetrics({ defaultMetrics: false }), insights,
    config: loadConfig({ LOG_LEVEL: 'silent', FEEDBACK_RATE_LIMIT: '0' }),
  });
  try {
    const query = '超'.repeat(MAX_QUERY_LENGTH);
    const id = 'r'.repeat(64);
    const click = asciiJson({ id, position: 1000, query, session: SESSION });
    const vote = asciiJson({ id, helpful: false, query, session: SESSION });
    assert.ok(click.length > 6 * MAX_QUERY_LENGTH);
    await request(app).post('/api/click').set('Content-Type', 'text/plain').send(click).expect(202);
    await request(app).post('/api/feedback').set('Content-Type', 'application/json').send(vote).expect(202);

    const tooLarge = await request(app).post('/api/click').set('Content-Type', 'text/plain').send(`${click}${' '.repeat(MAX_FEEDBACK_BODY_BYTES)}`);
    assert.equal(tooLarge.status, 413);
    assert.match(tooLarge.body.error.message, new RegExp(`over the limit of ${MAX_FEEDBACK_BODY_BYTES.toLocaleString('en-US')} bytes`));
  } finally {
    insights.close();
  }
});
