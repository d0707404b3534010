import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { extractAll } from './helpers/extract-folder.ts';
import { weeklyPost } from './helpers/weekly-post.ts';

// A weekly post saved in GBK (a Chinese Windows editor's default) was reported "not a text file
// (invalid UTF-8)", like random bytes: the operator looked for a corrupt file, not an encoding.

const root = mkdtempSync(path.join(tmpdir(), 'weekly-faq-gbk-'));
after(() => rmSync(root, { recursive: true, force: true }));

function write(name: string, content: Buffer): void {
  mkdirSync(path.join(root, name), { recursive: true });
  writeFileSync(path.join(root, name, 'index.md'), content);
}

test('a post in GBK is reported as GBK text to save as UTF-8; binary bytes stay "not a text file"', async () => {
  const post = weeklyPost('这个框架支持哪些注册中心？');
  write('gbk', encodeGbk(post));
  write('binary', Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256)));
  const results = await extractAll([root]);
  const reason = (name: string) => results.find((result) => result.source.startsWith(name))?.messages[0];

  assert.equal(reason('gbk')?.ruleId, 'binary-file');
  assert.match(reason('gbk')?.reason ?? '', /reads as GBK\/GB18030 text; save it as UTF-8/);
  assert.equal(reason('binary')?.ruleId, 'binary-file');
  assert.equal(reason('binary')?.reason, 'not a text file (invalid UTF-8)');
});

/** `text` in GBK: Node encodes no legacy charset, so each character is looked up by decoding its candidates. */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (!table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(table.get(char) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}
