import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { prepareGitSource } from '../indexer/sources/git-source.ts';
import { GitSourceError } from '../src/errors/git-source-error.ts';
import { createTestLogger, makeTempDir } from './helpers/start-test-meili.ts';

// A failed git command is reported with the line of git's that says what is wrong (the missing
// repository, the lock file), not with the advice git prints after it.

const logger = createTestLogger();
let tmp: string;
let origin: string;
let work: string;
let dataDir: string;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

async function push(rel: string, text: string): Promise<string> {
  await fs.mkdir(path.dirname(path.join(work, rel)), { recursive: true });
  await fs.writeFile(path.join(work, rel), text);
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', rel);
  git(work, 'push', '-q', 'origin', 'HEAD:main');
  return git(work, 'rev-parse', 'HEAD');
}

before(async () => {
  tmp = await makeTempDir('weekly-faq-git-error-');
  origin = path.join(tmp, 'origin.git');
  work = path.join(tmp, 'work');
  dataDir = path.join(tmp, 'data');
  git(tmp, 'init', '-q', '--bare', origin);
  git(tmp, 'clone', '-q', origin, work);
  await push('posts/one.md', 'one\n');
});
after(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

test('a repository that is gone: the error quotes git\'s fatal line naming it', async () => {
  await prepareGitSource({ source: origin, dataDir, logger });
  const moved = `${origin}.moved`;
  await fs.rename(origin, moved);
  try {
    await assert.rejects(prepareGitSource({ source: origin, dataDir, logger }), (error: unknown) => {
      assert.ok(error instanceof GitSourceError);
      assert.match(error.message, /does not appear to be a git repository/, error.message);
      assert.match(error.message, /origin\.git/);
      return true;
    });
  } finally {
    await fs.rename(moved, origin);
  }
});

test('a lock git cannot get past is named in the error', () => {
  const stderr = "fatal: Unable to create '/data/sources/x/.git/index.lock': File exists.\n\nAnother git process seems to be running in this repository, e.g.\nan editor opened by 'git commit'. Please make sure all processes\nare terminated then try again. If it still fails, a git process\nmay have crashed in this repository earlier:\nremove the file manually to continue.\n";
  const error = new GitSourceError('git reset', 'file:///x.git', stderr);
  assert.match(error.message, /^git reset of file:\/\/\/x\.git failed: fatal: Unable to create '\/data\/sources\/x\/\.git\/index\.lock': File exists\.$/);
});
