import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { acquireReindexLock } from '../indexer/load/reindex-lock.ts';
import { makeTempDir } from './helpers/start-test-meili.ts';

// On a full disk the reindex failed with "unexpected: ENOSPC: no space left on device, write"
// (Node names no file for a failed write) and left an empty lock file. A tiny tmpfs is the full
// disk: mounting one needs root, so the test is skipped elsewhere.

let dir: string;
let mounted = false;
before(async () => {
  dir = await makeTempDir('weekly-faq-full-disk-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    mounted = true;
  } catch {
    // not root, or no mount here
  }
});
after(async () => {
  if (mounted) execFileSync('umount', [dir], { stdio: 'ignore' });
  await fs.rm(dir, { recursive: true, force: true });
});

test('a reindex lock that cannot be written names the lock file and leaves none behind', async (t) => {
  if (!mounted) {
    t.skip('cannot mount a tmpfs (needs root)');
    return;
  }
  // fill the disk: writing stops with ENOSPC
  await fs.writeFile(path.join(dir, 'fill'), Buffer.alloc(1024 * 1024)).catch(() => undefined);
  const lockPath = path.join(dir, 'reindex-qa.lock');
  await assert.rejects(acquireReindexLock(lockPath), (error: Error) => {
    assert.ok(error.message.includes(`reindex lock ${lockPath}`), error.message);
    assert.match(error.message, /ENOSPC/);
    return true;
  });
  await assert.rejects(fs.access(lockPath), 'no empty lock file left');
});
