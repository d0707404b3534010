/**
 * One fixture per post format (tests/fixtures/posts/<case>/index.md), with the records the
 * extractor must produce beside it (expected.json). Regenerate with `UPDATE=1 npm test` and
 * review the diff.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { extractAll } from './helpers/extract-folder.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'posts');

for (const name of readdirSync(fixtures)) {
  test(`fixture ${name}: records as expected`, async () => {
    const [post] = await extractAll([path.join(fixtures, name, 'index.md')]);
    assert.ok(post);
    const actual = {
      status: post.status,
      records: post.records.map(({ question, answer, asker, issue, issueUrl, projects, projectSource, projectConfidence, followup, thread, turn, context, date }) => ({
        question, answer, asker, issue, issueUrl, projects, projectSource, projectConfidence, followup, thread, turn, context, date,
      })),
      messages: post.messages.map(({ ruleId, line }) => ({ ruleId, line })),
    };
    const expectedFile = path.join(fixtures, name, 'expected.json');
    if (process.env.UPDATE || !existsSync(expectedFile)) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    assert.deepEqual(actual, JSON.parse(readFileSync(expectedFile, 'utf8')));
  });
}
