/**
 * Dump the best 10 candidates of each query with what a second-stage rerank could use, for
 * offline experiments (scripts/rerank-sweep.py reads the output):
 *
 *   MEILI_URL=... MEILI_MASTER_KEY=... npx tsx scripts/rerank-features.ts OUT.json SET.json...
 *
 * Per hit: its evidence (`decideHits`), its first-stage score over the best one, and the
 * idf-weighted coverage of the query's informative terms by its question alone.
 */
import fs from 'node:fs/promises';
import { Meilisearch } from 'meilisearch';
import { getProjectSynonyms } from '../src/search/get-project-synonyms.ts';
import { toSearchRequest } from '../src/contract/request-schemas.ts';
import { getIndexSynonyms } from '../src/search/index-settings.ts';
import { runSearchQa } from '../src/search/search-qa.ts';
import { getTermGroup } from '../src/search/build-query-variants.ts';
import { getTermWeights } from '../src/search/decide-hits.ts';
import { answersOf } from '../src/search/plan-search.ts';
import { getQuestionShare } from '../src/search/rerank-by-question.ts';
import { buildTermAssociations } from './build-term-associations.ts';

const [out, ...sets] = process.argv.slice(2);
if (!out || sets.length === 0) throw new Error('usage: rerank-features.ts OUT.json SET.json...');
const client = new Meilisearch({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_MASTER_KEY! });
const index = client.index(process.env.INDEX_NAME ?? 'qa');
const synonyms = getIndexSynonyms(getProjectSynonyms());
const env = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const associations = process.env.ASSOC_RECORDS
  ? buildTermAssociations((await fs.readFile(process.env.ASSOC_RECORDS, 'utf8')).trim().split('\n').map((line) => JSON.parse(line)), {
    ...(env('ASSOC_MIN_COUNT') ? { minCount: env('ASSOC_MIN_COUNT') } : {}),
    ...(env('ASSOC_MIN_PMI') ? { minPmi: env('ASSOC_MIN_PMI') } : {}),
    ...(env('ASSOC_PER_TERM') ? { perTerm: env('ASSOC_PER_TERM') } : {}),
    ...(env('ASSOC_WEIGHT') ? { weight: env('ASSOC_WEIGHT') } : {}),
  })
  : undefined;
if (associations) console.log(`${associations.size} terms with associations`);
const termWeights = (understood: Awaited<ReturnType<typeof runSearchQa>>['understood'], plan: Awaited<ReturnType<typeof runSearchQa>>['plan'], answers: Awaited<ReturnType<typeof runSearchQa>>['answers']) =>
  new Map(getTermWeights(understood.terms, understood.termVariants, answersOf(answers, plan.termSet), understood.projectGroups).map(({ term, weight }) => [getTermGroup(term), weight]));
const rows = [];
for (const set of sets) {
  const queries = JSON.parse(await fs.readFile(set, 'utf8')) as { id: number | string; query: string; target?: unknown; style?: string }[];
  for (const query of queries) {
    const { result, matches, understood, plan, answers } = await runSearchQa(index, toSearchRequest({ q: query.query, hitsPerPage: Number(process.env.DUMP_HITS ?? 10) }), { synonyms, questionRerankWeight: Number(process.env.RERANK_WEIGHT ?? 0), matchThresholds: { maxRank: Number(process.env.DUMP_HITS ?? 10) }, ...(associations ? { associations } : {}) });
    rows.push({
      set, id: query.id, query: query.query, style: query.style ?? null, target: query.target ?? null,
      hits: result.hits.map((hit) => ({ questionShare: getQuestionShare(hit.question, understood, { synonyms }), questionShareIdf: getQuestionShare(hit.question, understood, { synonyms, weights: termWeights(understood, plan, answers) }), id: hit.id, question: hit.question, source: hit.source, projects: hit.projects, match: hit.match, ...matches.get(hit.id) })),
    });
  }
}
await fs.writeFile(out, JSON.stringify(rows));
console.log(`${rows.length} queries -> ${out}`);
