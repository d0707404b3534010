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
import { getProjectSynonyms } from '../indexer/get-project-synonyms.ts';
import { getRelevanceSynonyms } from '../src/search/relevance-settings.ts';
import { searchQa } from '../src/search/search-qa.ts';

const [out, ...sets] = process.argv.slice(2);
if (!out || sets.length === 0) throw new Error('usage: answerability-features.ts OUT.json SET.json...');
const client = new Meilisearch({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_MASTER_KEY! });
const index = client.index(process.env.INDEX_NAME ?? 'qa');
const synonyms = getRelevanceSynonyms(getProjectSynonyms());
const rows = [];
for (const set of sets) {
  const queries = JSON.parse(await fs.readFile(set, 'utf8')) as { id: number | string; query: string; target?: unknown; style?: string }[];
  for (const query of queries) {
    const result = await searchQa(index, { q: query.query, page: 1, hitsPerPage: 10 }, { synonyms, matchThresholds: { maxRank: 10 } });
    rows.push({
      set, id: query.id, query: query.query, style: query.style ?? null, target: query.target ?? null,
      detectedProjects: result.detectedProjects, searchedFor: result.searchedFor,
      hits: result.hits.map((hit) => ({ question: hit.question, source: hit.source, projects: hit.projects, ...result.matches[String(hit.id)] })),
    });
  }
}
await fs.writeFile(out, JSON.stringify(rows));
console.log(`${rows.length} queries -> ${out}`);
