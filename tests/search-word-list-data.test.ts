import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { GENERIC_PROJECT_WORDS } from '../src/search/generic-project-words.ts';
import { loadWordLists } from '../src/search/load-word-list.ts';
import { QUERY_STOPWORDS } from '../src/search/query-stopwords.ts';

test('the shipped word lists load: stop words and generic project words', () => {
  assert.ok(QUERY_STOPWORDS.has('怎么') && QUERY_STOPWORDS.has('the'));
  assert.ok(GENERIC_PROJECT_WORDS.has('rpc'));
  assert.equal(GENERIC_PROJECT_WORDS.has('sofarpc'), false);
});

test('a malformed word list fails naming the file and what is wrong', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'word-lists-'));
  try {
    const file = path.join(dir, 'words.json');
    await fs.writeFile(file, '{"words": ["ok", ""]}');
    assert.throws(() => loadWordLists(file), (error: Error & { code?: string }) => error.code === 'data-file-invalid' && error.message.includes(file) && /words/.test(error.message));
    await fs.writeFile(file, '{"words": ["ok",');
    assert.throws(() => loadWordLists(file), /not valid JSON/);
    await fs.writeFile(file, '{"words": "rpc"}');
    assert.throws(() => loadWordLists(file), /expected a list of words/);
    assert.throws(() => loadWordLists(path.join(dir, 'missing.json')), /cannot be read \(ENOENT\)/);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
