/** Symlinks that lead out of the folder given are reported and never followed; links inside it still are. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractAll } from './helpers/extract-folder.ts';
import { weeklyPost } from './helpers/weekly-post.ts';

const POST = weeklyPost('链接');

const base = mkdtempSync(path.join(tmpdir(), 'weekly-faq-links-'));
after(() => rmSync(base, { recursive: true, force: true }));

test('links to /etc/passwd, to a key file and to a folder outside the root are reported and not read; the run completes', async () => {
  const root = path.join(base, 'site');
  const outside = path.join(base, 'secrets');
  mkdirSync(path.join(root, 'good'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(root, 'good', 'index.md'), POST);
  writeFileSync(path.join(outside, 'meili-master-key'), 'master-key-value');
  writeFileSync(path.join(outside, 'index.md'), POST.replace('链接', '外面的'));
  symlinkSync('/etc/passwd', path.join(root, 'passwd.md'));
  symlinkSync(path.join(outside, 'meili-master-key'), path.join(root, 'key.md'));
  symlinkSync(outside, path.join(root, 'outside-folder'));
  symlinkSync(path.join(root, 'good'), path.join(root, 'inside-link'));

  const read: string[] = [];
  const results = await extractAll([root], {
    readFile: async (file) => {
      read.push(file);
      const { readFile } = await import('node:fs/promises');
      return readFile(file);
    },
  });
  const reported = results.filter((result) => result.messages.some((message) => message.ruleId === 'link-outside-source'));
  assert.deepEqual(reported.map((result) => path.basename(result.path)).sort(), ['key.md', 'outside-folder', 'passwd.md']);
  assert.match(reported[0]?.messages[0]?.reason ?? '', /outside .*not followed/);
  assert.ok(!read.some((file) => /passwd|key\.md|outside-folder/.test(file)), `nothing outside was read: ${read.join(', ')}`);
  assert.deepEqual(results.filter((result) => result.status === 'extracted').map((result) => result.source).sort(), ['good/index.md', 'inside-link/index.md']);
});
