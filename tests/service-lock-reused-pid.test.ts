import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, test } from 'node:test';
import { acquireServiceLock } from '../api/acquire-service-lock.ts';
import { makeTempDir } from './helpers/start-test-meili.ts';

const children: ChildProcess[] = [];
const dirs: string[] = [];
after(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});

/** A live process with these arguments after `node -e <wait>`. */
function live(...args: string[]): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)', ...args], { stdio: 'ignore' });
  children.push(child);
  return child.pid!;
}

async function lockHeldBy(pid: number): Promise<string> {
  const dir = await makeTempDir('weekly-faq-lock-');
  dirs.push(dir);
  await fs.writeFile(path.join(dir, 'service.lock'), `${pid}\n`);
  return dir;
}

test('a stale service.lock whose pid now runs an unrelated program does not block the start', { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
  const unrelated = live('some-other-program.py');
  const lock = await acquireServiceLock(await lockHeldBy(unrelated));
  try {
    assert.equal(lock.tookOverFrom, unrelated);
    assert.equal(lock.holderReused, true);
    assert.equal(Number(await fs.readFile(lock.file, 'utf8')), process.pid);
  } finally {
    lock.release();
  }
});

test('a service.lock held by a running service (its command line names api/main.js) still refuses the start, naming it', async () => {
  const service = live('api/main.js');
  await assert.rejects(acquireServiceLock(await lockHeldBy(service)), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'data-dir-in-use');
    assert.match(error.message, new RegExp(`pid ${service}`));
    return true;
  });
});
