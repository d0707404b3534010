import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { isGitSource, prepareGitSource } from '../indexer/sources/git-source.ts';
import { redactUrlCredentials } from '../src/redact-url-credentials.ts';
import { resolveSources } from '../indexer/sources/resolve-sources.ts';
import { createGitOrigin, git, type GitOrigin } from './helpers/create-git-origin.ts';
import { createTestLogger } from './helpers/start-test-meili.ts';

const logger = createTestLogger();
let repo: GitOrigin;

before(async () => {
  repo = await createGitOrigin('weekly-faq-git-');
  await repo.push('content/zh/blog/sofa-weekly-1/index.md', 'first post\n', 'first');
});
after(() => repo.remove());

test('isGitSource tells git sources from folders', async () => {
  assert.equal(isGitSource('https://github.com/sofastack/sofastack.tech.git'), true);
  assert.equal(isGitSource('git@github.com:sofastack/sofastack.tech.git'), true);
  assert.equal(isGitSource(pathToFileURL(repo.origin).href), true);
  assert.equal(isGitSource(repo.origin), true, 'a bare repository');
  assert.equal(isGitSource(repo.work), false, 'a checkout is read as a folder');
  assert.equal(isGitSource(path.join(repo.tmp, 'missing')), false);
});

test('a bare repository is cloned on first use, then follows new commits and deletions', async () => {
  const first = await prepareGitSource({ source: repo.origin, dataDir: repo.dataDir, logger });
  assert.equal(first.cloned, true);
  assert.equal(first.commit, git(repo.work, 'rev-parse', 'HEAD'));
  assert.ok(first.path.startsWith(path.join(repo.dataDir, 'sources', 'origin-')));
  assert.equal(await fs.readFile(path.join(first.path, 'content/zh/blog/sofa-weekly-1/index.md'), 'utf8'), 'first post\n');
  assert.equal(git(first.path, 'rev-parse', '--is-shallow-repository'), 'true');

  const second = await repo.push('content/zh/blog/sofa-weekly-2/index.md', 'second post\n', 'second');
  await repo.push('content/zh/blog/sofa-weekly-1/index.md', null, 'remove first');
  // A stray local file in the clone is removed too: the folder matches the remote exactly.
  await fs.writeFile(path.join(first.path, 'stray.md'), 'x');
  const updated = await prepareGitSource({ source: repo.origin, dataDir: repo.dataDir, logger });
  assert.equal(updated.cloned, false);
  assert.equal(updated.path, first.path);
  assert.notEqual(updated.commit, second);
  assert.equal(updated.commit, git(repo.work, 'rev-parse', 'HEAD'));
  assert.equal(await fs.readFile(path.join(first.path, 'content/zh/blog/sofa-weekly-2/index.md'), 'utf8'), 'second post\n');
  await assert.rejects(fs.access(path.join(first.path, 'content/zh/blog/sofa-weekly-1/index.md')));
  await assert.rejects(fs.access(path.join(first.path, 'stray.md')));
});

test('a rewritten remote history is followed (fetch + reset, not a fast-forward)', async () => {
  git(repo.work, 'reset', '-q', '--hard', 'HEAD~2');
  await fs.writeFile(path.join(repo.work, 'rewritten.md'), 'new history\n');
  git(repo.work, 'add', '-A');
  git(repo.work, 'commit', '-q', '-m', 'rewrite');
  git(repo.work, 'push', '-q', '--force', 'origin', 'HEAD:main');
  const updated = await prepareGitSource({ source: pathToFileURL(repo.origin).href, dataDir: repo.dataDir, logger });
  assert.equal(updated.commit, git(repo.work, 'rev-parse', 'HEAD'));
  assert.equal(await fs.readFile(path.join(updated.path, 'rewritten.md'), 'utf8'), 'new history\n');
});

test('resolveSources clones git sources and passes folders through', async () => {
  const [fromGit, fromFolder] = await resolveSources({ sources: [repo.origin, repo.work], dataDir: repo.dataDir, logger });
  assert.ok(fromGit?.startsWith(path.join(repo.dataDir, 'sources')));
  assert.equal(fromFolder, path.resolve(repo.work));
});

test('a failing clone throws git-source-failed without leaking credentials', async () => {
  await assert.rejects(prepareGitSource({ source: path.join(repo.tmp, 'missing.git'), dataDir: repo.dataDir, logger }), { code: 'git-source-failed' });
  const error = await prepareGitSource({ source: 'http://user:s3cret@127.0.0.1:1/repo.git', dataDir: repo.dataDir, logger, timeoutMs: 20_000 }).catch((e: unknown) => e);
  assert.equal((error as { code?: string }).code, 'git-source-failed');
  assert.doesNotMatch(String((error as Error).message), /s3cret/);
  assert.equal(redactUrlCredentials('https://user:token@example.com/x.git and https://token@example.com/y'), 'https://user:***@example.com/x.git and https://***@example.com/y');
});
