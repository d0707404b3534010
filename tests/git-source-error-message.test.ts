import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { prepareGitSource } from '../indexer/sources/git-source.ts';
import { GitSourceError } from '../src/errors/git-source-error.ts';
import { createGitOrigin, git, type GitOrigin } from './helpers/create-git-origin.ts';
import { createTestLogger } from './helpers/start-test-meili.ts';

// A failed git command is reported with the line of git's that says what is wrong (the missing
// repository, the lock file), not with the advice git prints after it.

const logger = createTestLogger();
let repo: GitOrigin;

before(async () => {
  repo = await createGitOrigin('weekly-faq-git-error-');
  await repo.push('posts/one.md', 'one\n');
});
after(() => repo.remove());

test('a repository that is gone: the error quotes git\'s fatal line naming it', async () => {
  await prepareGitSource({ source: repo.origin, dataDir: repo.dataDir, logger });
  const moved = `${repo.origin}.moved`;
  await fs.rename(repo.origin, moved);
  try {
    await assert.rejects(prepareGitSource({ source: repo.origin, dataDir: repo.dataDir, logger }), (error: unknown) => {
      assert.ok(error instanceof GitSourceError);
      assert.match(error.message, /does not appear to be a git repository/, error.message);
      assert.match(error.message, /origin\.git/);
      return true;
    });
  } finally {
    await fs.rename(moved, repo.origin);
  }
});

test('a lock git cannot get past is named in the error', () => {
  const stderr = "fatal: Unable to create '/data/sources/x/.git/index.lock': File exists.\n\nAnother git process seems to be running in this repository, e.g.\nan editor opened by 'git commit'. Please make sure all processes\nare terminated then try again. If it still fails, a git process\nmay have crashed in this repository earlier:\nremove the file manually to continue.\n";
  const error = new GitSourceError('git reset', 'file:///x.git', stderr);
  assert.match(error.message, /^git reset of file:\/\/\/x\.git failed: fatal: Unable to create '\/data\/sources\/x\/\.git\/index\.lock': File exists\.$/);
});
