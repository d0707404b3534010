/**
 * Dump how searchQa decides strong/weak on labelled query sets, for tuning the thresholds of
 * `decideMatch` (scripts/answerability-sweep.py reads the output).
 *
 *   MEILI_URL=... MEILI_MASTER_KEY=... npx tsx scripts/answerability-features.ts OUT.json SET.json...
 *
 * Every hit of the first 10 with its question, source and evidence.
 */
import fs from 'node:fs/promises';
import { Meilisearch } from 'meilisearch';
import { getProjectSynonyms } from '../src/search/get-project-synonyms.ts';
import { toSearchRequest } from '../src/contract/request-schemas.ts';
import { getIndexSynonyms } from '../src/search/index-settings.ts';
import { runSearchQa } from '../src/search/search-qa.ts';
import { getTermWeights } from '../src/search/decide-hits.ts';
import { answersOf } from '../src/search/plan-search.ts';
import type { TermAssociations } from '../src/search/expand-query-terms.ts';

const [out, ...sets] = process.argv.slice(2);
if (!out || sets.length === 0) throw new Error('usage: answerability-features.ts OUT.json SET.json...');
const client = new Meilisearch({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_MASTER_KEY! });
const index = client.index(process.env.INDEX_NAME ?? 'qa');
const synonyms = getIndexSynonyms(getProjectSynonyms());
// ASSOCIATIONS=RECORDS.jsonl:minCount,minPmi,perTerm,weight searches corpus co-occurrence expansions too (SearchQaOptions.associations);
// THESAURUS=on searches with the domain thesaurus (SearchQaOptions.thesaurus, the service's SEARCH_THESAURUS).
const [recordsFile, settings] = (process.env.ASSOCIATIONS ?? '').split(':');
let associations: TermAssociations | undefined;
if (recordsFile && settings) {
  const { buildTermAssociations } = await import('./build-term-associations.ts');
  const [minCount, minPmi, perTerm, weight] = settings.split(',').map(Number);
  const records = (await fs.readFile(recordsFile, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as { question: string; answer: string });
  associations = buildTermAssociations(records, { minCount, minPmi, perTerm, weight });
  console.log(`${associations.size} terms with associations`);
}
// ASSOCIATIONS_FILE=FILE.json [ASSOCIATION_WEIGHT=w] searches the associations of a JSON file { term: [{ text, weight }] }
// (scripts/build-site-associations.ts; issue 11, eleventh pass).
if (process.env.ASSOCIATIONS_FILE) {
  const data = JSON.parse(await fs.readFile(process.env.ASSOCIATIONS_FILE, 'utf8')) as Record<string, { text: string; weight: number }[]>;
  const weight = process.env.ASSOCIATION_WEIGHT ? Number(process.env.ASSOCIATION_WEIGHT) : undefined;
  associations = new Map(Object.entries(data).map(([term, list]) => [term, list.map((entry) => ({ text: entry.text, weight: weight ?? entry.weight }))]));
  console.log(`${Object.keys(data).length} terms with associations (${process.env.ASSOCIATIONS_FILE})`);
}
const rows = [];
for (const set of sets) {
  const queries = JSON.parse(await fs.readFile(set, 'utf8')) as { id: number | string; query: string; target?: unknown; style?: string }[];
  for (const query of queries) {
    const run = await runSearchQa(index, toSearchRequest({ q: query.query }), { synonyms, matchThresholds: { maxRank: 10 }, ...(associations ? { associations } : {}), thesaurus: process.env.THESAURUS === 'on' });
    rows.push({
      set, id: query.id, query: query.query, style: query.style ?? null, target: query.target ?? null,
      detectedProjects: run.result.detectedProjects, searchedFor: run.result.searchedFor,
      terms: run.plan.blank ? [] : getTermWeights(run.understood.terms, run.understood.termVariants, answersOf(run.answers, run.plan.termSet), run.understood.projectGroups).map(({ term, weight }) => [term.text, Math.round(weight * 100) / 100]),
      hits: run.result.hits.map((hit) => ({ question: hit.question, source: hit.source, projects: hit.projects, ...run.matches.get(hit.id) })),
    });
  }
}
await fs.writeFile(out, JSON.stringify(rows));
console.log(`${rows.length} queries -> ${out}`);
