import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DataFileError } from '../src/errors/data-file-error.ts';
import { buildQueryVariants } from '../src/search/build-query-variants.ts';
import { ENGLISH_GENERAL_WEIGHT, getEnglishGeneralWeight, getGeneralWordWeight, loadEnglishGeneralWords, loadGeneralWordIdf } from '../src/search/general-word-weight.ts';

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

test('English general-language words are searched with less weight than the words an English question is about', () => {
  const latin = (text: string) => getEnglishGeneralWeight({ text, script: 'latin' });
  for (const general of ['show', 'using', 'cannot', 'Using']) assert.ok(latin(general) < 1, general);
  for (const specific of ['endpoint', 'zookeeper', 'timeout', 'TM', 'AT']) assert.equal(latin(specific), 1, specific);
  assert.equal(getEnglishGeneralWeight({ text: '问题', script: 'han' }), 1, 'Chinese terms keep their first-stage weight');
  const variants = buildQueryVariants('Provide an endpoint to show the time cost', { textAttributes: ['question'], bigramAttributes: ['questionBigrams'] });
  const weightOf = (name: string) => variants.find((variant) => variant.name === name)?.weight;
  assert.equal(weightOf('term:show'), ENGLISH_GENERAL_WEIGHT);
  assert.equal(weightOf('term:endpoint'), 1);
});

test('a malformed English general-word file fails naming the file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'english-general-'));
  const file = path.join(dir, 'english-general-words.json');
  fs.writeFileSync(file, '{"english": "show"}');
  assert.throws(() => loadEnglishGeneralWords(file), (error: unknown) => error instanceof DataFileError && error.message.includes(file));
  fs.writeFileSync(file, '{"english": ["Show", "using"]}');
  assert.deepEqual([...loadEnglishGeneralWords(file)], ['show', 'using']);
  fs.rmSync(dir, { recursive: true });
});
