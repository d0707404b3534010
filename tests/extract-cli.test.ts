/** The CLI contract the extractor is judged through. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { launchArgs } from './helpers/launch-entry.ts';

const root = path.join(import.meta.dirname, '..');
const fixtures = path.join(import.meta.dirname, 'fixtures', 'posts');

function runExtract(...args: string[]) {
  return spawnSync(process.execPath, launchArgs('indexer/cli/extract-cli.js', ...args), {
    cwd: root,
    encoding: 'utf8',
  });
}

test('writes one JSON record per line to stdout and nothing else', () => {
  const run = runExtract(fixtures);
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  const records = lines.map((line) => JSON.parse(line));
  assert.ok(records.length >= 10);
  for (const record of records) {
    for (const field of ['id', 'question', 'answer', 'answerHtml', 'asker', 'issue', 'projects', 'followup', 'thread', 'turn', 'context', 'date', 'year', 'title', 'source', 'url']) {
      assert.ok(field in record, `record has ${field}`);
    }
  }
  assert.match(run.stderr, /pairs from \d+ weekly posts/);
});

test('--report lists the pairs of each post and why a post yielded nothing', () => {
  const run = runExtract('--report', path.join(fixtures, 'numbered-2019'), path.join(fixtures, 'issue-entries-2023'));
  assert.equal(run.status, 0);
  assert.match(run.stderr, /numbered-2019\/index\.md \(2020-01-10\): 3 pairs/);
  assert.match(run.stderr, /@octocat #1061 \[SOFABoot\]/);
});

test('exit 2 with a message naming a path that does not exist', () => {
  const run = runExtract(path.join(fixtures, 'no-such-folder'));
  assert.equal(run.status, 2);
  assert.match(run.stderr, /path does not exist: .*no-such-folder/);
  assert.equal(run.stdout, '');
});

test('exit 2 on an unknown option and on no path', () => {
  assert.equal(runExtract('--frobnicate', fixtures).status, 2);
  const none = runExtract();
  assert.equal(none.status, 2);
  assert.match(none.stderr, /no path given/);
});

test('the summary counts records without a project and with an issue link; --report says how each project was decided', () => {
  const run = runExtract('--report', path.join(fixtures, 'inferred-project'), path.join(fixtures, 'issue-references'));
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /8 pairs from 2 weekly posts, .*; 1 without a project, 5 with an issue link, 1 projects inferred, 0 attribution conflicts/);
  assert.match(run.stderr, /@丙 \[Seata\] \(inferred 1\)/);
  assert.match(run.stderr, /@huayangchan #2347 \[MOSN\] \(attribution\)/);
  assert.match(run.stderr, /@丁 \[\] \(no project\)/);
});
