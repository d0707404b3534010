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

const [out, ...sets] = process.argv.slice(2);
if (!out || sets.length === 0) throw new Error('usage: answerability-features.ts OUT.json SET.json...');
const client = new Meilisearch({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_MASTER_KEY! });
const index = client.index(process.env.INDEX_NAME ?? 'qa');
const synonyms = getIndexSynonyms(getProjectSynonyms());
const rows = [];
for (const set of sets) {
  const queries = JSON.parse(await fs.readFile(set, 'utf8')) as { id: number | string; query: string; target?: unknown; style?: string }[];
  for (const query of queries) {
    const { result, matches } = await runSearchQa(index, toSearchRequest({ q: query.query }), { synonyms, matchThresholds: { maxRank: 10 } });
    rows.push({
      set, id: query.id, query: query.query, style: query.style ?? null, target: query.target ?? null,
      detectedProjects: result.detectedProjects, searchedFor: result.searchedFor,
      hits: result.hits.map((hit) => ({ question: hit.question, source: hit.source, projects: hit.projects, ...matches.get(hit.id) })),
    });
  }
}
await fs.writeFile(out, JSON.stringify(rows));
console.log(`${rows.length} queries -> ${out}`);
