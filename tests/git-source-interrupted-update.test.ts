import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { prepareGitSource } from '../indexer/sources/git-source.ts';
import { GitSourceError } from '../src/errors/git-source-error.ts';
import { createTestLogger, makeTempDir } from './helpers/start-test-meili.ts';

// A git killed during the update before a reindex (SIGKILL, OOM, a container restart) leaves a lock
// file in the clone under DATA_DIR/sources: every later reindex must not fail on it for good.

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
  tmp = await makeTempDir('weekly-faq-git-lock-');
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

for (const lock of ['index.lock', 'shallow.lock']) {
  test(`a clone holding a stale .git/${lock} is cloned again and follows the remote`, async () => {
    const first = await prepareGitSource({ source: origin, dataDir, logger });
    await fs.writeFile(path.join(first.path, '.git', lock), '');
    const commit = await push(`posts/after-${lock}.md`, 'new post\n');

    const updated = await prepareGitSource({ source: origin, dataDir, logger });
    assert.equal(updated.path, first.path);
    assert.equal(updated.commit, commit);
    assert.equal(await fs.readFile(path.join(updated.path, `posts/after-${lock}.md`), 'utf8'), 'new post\n');
    await assert.rejects(fs.access(path.join(updated.path, '.git', lock)), 'the fresh clone has no lock');
  });
}

test('when the remote is gone the fresh clone fails and the last good copy is kept', async () => {
  const first = await prepareGitSource({ source: origin, dataDir, logger });
  const moved = `${origin}.moved`;
  await fs.rename(origin, moved);
  try {
    await assert.rejects(prepareGitSource({ source: origin, dataDir, logger }), GitSourceError);
    assert.equal(await fs.readFile(path.join(first.path, 'posts/one.md'), 'utf8'), 'one\n', 'the last good copy is still there');
  } finally {
    await fs.rename(moved, origin);
  }
});

