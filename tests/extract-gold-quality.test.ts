/**
 * Extraction quality on the hand-labelled sample in ../shared/gold/dev, scored by the project's
 * own scorer. Skipped, saying why, when ../shared is not beside the repo.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractAll } from './helpers/extract-folder.ts';

const shared = path.resolve(import.meta.dirname, '..', '..', 'shared');
const corpus = path.join(shared, 'corpus', 'sofastack.tech');
const gold = path.join(shared, 'gold', 'dev');
const scorer = path.join(shared, 'tools', 'score-extract.py');
const missing = [corpus, gold, scorer].find((item) => !existsSync(item));

const TARGETS = { recall: 0.98, precision: 0.98, answer: 0.97, projects: 0.95, asker: 0.97, date: 1.0 };

test('gold sample: recall, precision, answer, projects, asker and date reach their targets', { skip: missing && `../shared not found (${missing})` }, async () => {
  const goldPosts = readdirSync(gold).map((name) => JSON.parse(readFileSync(path.join(gold, name), 'utf8')).file as string);
  const results = await extractAll(goldPosts.map((file) => path.join(corpus, file)));
  const lines = results.flatMap((result) => result.records).map((record) => JSON.stringify({ ...record, source: path.relative(corpus, path.resolve(record.source)) }));
  const folder = mkdtempSync(path.join(tmpdir(), 'weekly-faq-gold-'));
  const out = path.join(folder, 'records.jsonl');
  writeFileSync(out, `${lines.join('\n')}\n`);
  const bounds = Object.entries(TARGETS).flatMap(([name, value]) => [`--min-${name}`, String(value)]);
  const run = spawnSync('python3', [scorer, gold, corpus, out, ...bounds], { encoding: 'utf8' });
  const summary = run.stdout.trim().split('\n').at(-1) ?? '';
  rmSync(folder, { recursive: true, force: true });
  process.stdout.write(`# ${summary}\n`);
  assert.equal(run.status, 0, `${summary}\n${run.stderr}`);
});

test('whole corpus: every weekly post with a Q&A section yields pairs, nothing fails', { skip: missing && `../shared not found (${missing})` }, async () => {
  const results = await extractAll([corpus]);
  const weekly = results.filter((result) => result.status === 'extracted');
  assert.ok(weekly.length >= 185, `found ${weekly.length} weekly posts`);
  assert.deepEqual(results.filter((result) => result.status === 'failed').map((result) => result.source), []);
  const silent = weekly.filter((result) => result.records.length === 0 && result.messages.every((message) => message.ruleId !== 'no-qa-section'));
  assert.deepEqual(silent.map((result) => `${result.source}: ${result.messages.map((message) => message.reason).join('; ')}`), []);
});
