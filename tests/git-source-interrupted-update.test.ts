import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { prepareGitSource } from '../indexer/sources/git-source.ts';
import { GitSourceError } from '../src/errors/git-source-error.ts';
import { createGitOrigin, git, type GitOrigin } from './helpers/create-git-origin.ts';
import { createTestLogger } from './helpers/start-test-meili.ts';

// A git killed during the update before a reindex (SIGKILL, OOM, a container restart) leaves a lock
// file in the clone under DATA_DIR/sources: every later reindex must not fail on it for good.

const logger = createTestLogger();
let repo: GitOrigin;

before(async () => {
  repo = await createGitOrigin('weekly-faq-git-lock-');
  await repo.push('posts/one.md', 'one\n');
});
after(() => repo.remove());

for (const lock of ['index.lock', 'shallow.lock']) {
  test(`a clone holding a stale .git/${lock} is cloned again and follows the remote`, async () => {
    const first = await prepareGitSource({ source: repo.origin, dataDir: repo.dataDir, logger });
    await fs.writeFile(path.join(first.path, '.git', lock), '');
    const commit = await repo.push(`posts/after-${lock}.md`, 'new post\n');

    const updated = await prepareGitSource({ source: repo.origin, dataDir: repo.dataDir, logger });
    assert.equal(updated.path, first.path);
    assert.equal(updated.commit, commit);
    assert.equal(await fs.readFile(path.join(updated.path, `posts/after-${lock}.md`), 'utf8'), 'new post\n');
    await assert.rejects(fs.access(path.join(updated.path, '.git', lock)), 'the fresh clone has no lock');
  });
}

test('when the remote is gone the fresh clone fails and the last good copy is kept', async () => {
  const first = await prepareGitSource({ source: repo.origin, dataDir: repo.dataDir, logger });
  const moved = `${repo.origin}.moved`;
  await fs.rename(repo.origin, moved);
  try {
    await assert.rejects(prepareGitSource({ source: repo.origin, dataDir: repo.dataDir, logger }), GitSourceError);
    assert.equal(await fs.readFile(path.join(first.path, 'posts/one.md'), 'utf8'), 'one\n', 'the last good copy is still there');
  } finally {
    await fs.rename(moved, repo.origin);
  }
});

