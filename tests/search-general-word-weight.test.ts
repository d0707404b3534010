import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DataFileError } from '../src/errors/data-file-error.ts';
import { getGeneralWordWeight, loadGeneralWordIdf } from '../src/search/general-word-weight.ts';

test('general-language words weigh less than technical words and project names', () => {
  const han = (text: string) => getGeneralWordWeight({ text, script: 'han' });
  for (const general of ['很多', '普通', '项目', '问题']) assert.ok(han(general) < 0.7, `${general}: ${han(general)}`);
  for (const technical of ['泛化调用', '状态机', '注册中心', '超时']) assert.equal(han(technical), 1, technical);
  assert.equal(getGeneralWordWeight({ text: 'timeout', script: 'latin' }), 1);
  assert.ok(han('问题') < han('普通'), 'the more common, the less it weighs');
});

test('a malformed general-word file fails naming the file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'general-idf-'));
  const file = path.join(dir, 'general-word-idf.json');
  fs.writeFileSync(file, '{"idf 4": ["很多", ""]}');
  assert.throws(() => loadGeneralWordIdf(file), (error: unknown) => error instanceof DataFileError && error.message.includes(file));
  fs.writeFileSync(file, '{"idf 4": ["很多"], "idf 5": ["普通"]}');
  assert.deepEqual([...loadGeneralWordIdf(file)], [['很多', 4.5], ['普通', 5.5]]);
  fs.rmSync(dir, { recursive: true });
});
