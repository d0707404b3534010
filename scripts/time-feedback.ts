/**
 * What pseudo-relevance feedback (`SearchQaOptions.feedback`, issue 11, eleventh pass) costs a search:
 * every query of the given sets searched in process with and without it, alternating query by query,
 * `ROUNDS` times; prints the wall time (Meilisearch included) and this process's CPU per search, and
 * how many searches made the second round trip.
 *
 *   MEILI_URL=... MEILI_MASTER_KEY=... npx tsx scripts/time-feedback.ts RECORDS.jsonl documents,terms,weight,minDocuments[,answers,onlyWithoutStrong] SET.json...
 */
import fs from 'node:fs/promises';
import { Meilisearch } from 'meilisearch';
import { toSearchRequest } from '../src/contract/request-schemas.ts';
import { getProjectSynonyms } from '../src/search/get-project-synonyms.ts';
import { getIndexSynonyms } from '../src/search/index-settings.ts';
import { runSearchQa, type SearchQaOptions } from '../src/search/search-qa.ts';
import { getFeedbackWords } from '../src/search/select-feedback-terms.ts';

const [recordsFile, settings, ...sets] = process.argv.slice(2);
if (!recordsFile || !settings || sets.length === 0) throw new Error('usage: time-feedback.ts RECORDS.jsonl SETTINGS SET.json...');
const client = new Meilisearch({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_MASTER_KEY! });
const index = client.index(process.env.INDEX_NAME ?? 'qa');
const synonyms = getIndexSynonyms(getProjectSynonyms());
const records = (await fs.readFile(recordsFile, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as { question: string; answer: string });
const documentFrequency = new Map<string, number>();
for (const record of records) for (const word of getFeedbackWords(`${record.question}\n${record.answer}`)) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
const [documents, terms, weight, minDocuments, answers, onlyWithoutStrong] = settings.split(',').map(Number);
const feedback = { documents, terms, weight, minDocuments, answers: answers === 1, onlyWithoutStrong: onlyWithoutStrong === 1, documentFrequency, documentCount: records.length };
const queries: string[] = [];
for (const set of sets) queries.push(...(JSON.parse(await fs.readFile(set, 'utf8')) as { query: string }[]).map((query) => query.query));

const rounds = Number(process.env.ROUNDS ?? 3);
const totals = { off: { wall: 0, cpu: 0, n: 0 }, on: { wall: 0, cpu: 0, n: 0, second: 0 } };
const time = async (q: string, options: SearchQaOptions) => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const run = await runSearchQa(index, toSearchRequest({ q }), options);
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000, second: (run.feedbackTerms?.length ?? 0) > 0 };
};
for (const q of queries) await time(q, { synonyms, feedback }); // warm-up
for (let round = 0; round < rounds; round += 1) {
  for (const q of queries) {
    const order = round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const);
    for (const which of order) {
      const t = await time(q, which === 'on' ? { synonyms, feedback } : { synonyms });
      totals[which].wall += t.wall;
      totals[which].cpu += t.cpu;
      totals[which].n += 1;
      if (which === 'on' && t.second) totals.on.second += 1;
    }
  }
}
for (const which of ['off', 'on'] as const) {
  const { wall, cpu, n } = totals[which];
  console.log(`feedback ${which}: ${(wall / n).toFixed(2)} ms wall, ${(cpu / n).toFixed(2)} ms CPU per search (${n} searches)`);
}
console.log(`second round trip in ${totals.on.second} of ${totals.on.n} searches`);
