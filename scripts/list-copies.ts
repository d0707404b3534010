/**
 * The questions asked in more than one record of the extractor's output (the same question,
 * `getCopyQuestion`: letters and digits in order), each group with its records and whether their
 * answers are the identical text, the same answer up to formatting (one copy key, `getCopyKey`:
 * the search lists them once) or another answer (listed apart).
 *
 *   npm run --silent extract -- ../shared/corpus/sofastack.tech > /tmp/records.jsonl
 *   npx tsx scripts/list-copies.ts /tmp/records.jsonl [--json]
 */
import { readFileSync } from 'node:fs';
import { getCopyKey, getCopyQuestion } from '../src/search/get-copy-key.ts';
import type { QaRecord } from '../src/qa-record.ts';

const [file, ...flags] = process.argv.slice(2);
if (!file) {
  console.error('usage: npx tsx scripts/list-copies.ts RECORDS.jsonl [--json]');
  process.exit(2);
}
const records = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as QaRecord);

const byQuestion = new Map<string, QaRecord[]>();
for (const record of records) {
  const question = getCopyQuestion(record.question);
  byQuestion.set(question, [...(byQuestion.get(question) ?? []), record]);
}

type Answers = 'identical' | 'same up to formatting' | 'different';
const groups = [...byQuestion.values()].filter((group) => group.length > 1).map((group) => {
  const identical = new Set(group.map((record) => record.answer)).size === 1;
  const keys = new Set(group.map((record) => getCopyKey(record.question, record.answer)));
  const answers: Answers = identical ? 'identical' : keys.size === 1 ? 'same up to formatting' : 'different';
  return {
    question: group[0]!.question,
    answers,
    records: group.map((record) => ({
      id: record.id, post: record.source.split('/').at(-2) ?? record.source, date: record.date,
      thread: record.thread, turn: record.turn, followup: record.followup, projects: record.projects,
    })),
  };
});

if (flags.includes('--json')) {
  console.log(JSON.stringify(groups, null, 2));
} else {
  for (const group of groups) {
    console.log(`${group.answers.padEnd(21)} ${group.question.replace(/\s+/g, ' ').slice(0, 70)}`);
    for (const r of group.records) console.log(`    ${r.id} ${r.post} ${r.date ?? '-'} thread ${r.thread} turn ${r.turn}${r.followup ? ' (follow-up)' : ''} ${r.projects.join(',')}`);
  }
  const count = (answers: Answers) => groups.filter((group) => group.answers === answers).length;
  const listedOnce = groups.filter((group) => group.answers !== 'different');
  console.log(`\n${groups.length} questions in ${groups.reduce((sum, group) => sum + group.records.length, 0)} records: answers identical ${count('identical')}, the same up to formatting ${count('same up to formatting')}, different ${count('different')}`);
  console.log(`listed once with copies=fold: ${listedOnce.length} groups (${listedOnce.reduce((sum, group) => sum + group.records.length, 0)} records)`);
}
