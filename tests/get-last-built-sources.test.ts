import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getLastBuiltSources } from '../indexer/load/get-last-built-sources.ts';
import { redactUrlCredentials } from '../src/redact-url-credentials.ts';

// A service started without SOURCES or WEEKLY_SOURCE reindexes what the index was last built
// from, unless that was a git URL whose credentials the state could only keep redacted.

const state = (sources: string[]) => ({ fingerprint: 'f', documents: 1, finishedAt: '2026-12-01T00:00:00.000Z', sources });

test('a folder or a git URL without credentials can be read again', () => {
  const last = getLastBuiltSources(state(['/srv/sofastack.tech', 'https://github.com/sofastack/sofastack.tech.git']));
  assert.equal(last?.reindexable, true);
  assert.deepEqual(last?.roots, ['/srv/sofastack.tech', 'https://github.com/sofastack/sofastack.tech.git']);
});

test('a git URL kept with its password or token redacted cannot be cloned again as kept', () => {
  for (const url of ['https://bot:s3cret@git.example.com/site.git', 'https://ghp_token@github.com/o/site.git']) {
    const last = getLastBuiltSources(state([redactUrlCredentials(url)]));
    assert.equal(last?.reindexable, false, url);
  }
});

test('a state naming no source gives nothing to reindex', () => {
  assert.equal(getLastBuiltSources(null), null);
  assert.equal(getLastBuiltSources(state([])), null);
});
