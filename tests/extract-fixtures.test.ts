/**
 * One fixture per post format (tests/fixtures/posts/<case>/index.md), with the records the
 * extractor must produce beside it (expected.json). Regenerate with
 * `UPDATE=1 node --import tsx --test tests/extract-fixtures.test.ts` and review the diff; a missing
 * expected.json fails (a test that wrote it would compare the output with itself).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractAll } from './helpers/extract-folder.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'posts');
const names = readdirSync(fixtures);

test('the fixture folder holds the post formats', () => {
  assert.ok(names.length >= 10, `only ${names.length} fixtures in ${fixtures}`);
});

for (const name of names) {
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
    if (process.env.UPDATE) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    assert.ok(existsSync(expectedFile), `${path.relative(process.cwd(), expectedFile)} is missing: write it with UPDATE=1 node --import tsx --test tests/extract-fixtures.test.ts, then review it`);
    assert.deepEqual(actual, JSON.parse(readFileSync(expectedFile, 'utf8')));
  });
}
