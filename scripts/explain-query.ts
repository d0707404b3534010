/**
 * Why a query ranks and decides its hits as it does: its terms with their idf weights, then each
 * of the best hits with its evidence and which terms its question and text hold.
 *
 *   MEILI_URL=... MEILI_MASTER_KEY=... npx tsx scripts/explain-query.ts 'QUERY' [...]
 */
import { Meilisearch } from 'meilisearch';
import { toSearchRequest } from '../src/contract/request-schemas.ts';
import { getTermWeights } from '../src/search/decide-hits.ts';
import { getProjectSynonyms } from '../src/search/get-project-synonyms.ts';
import { getTermCoverage } from '../src/search/get-term-coverage.ts';
import { getIndexSynonyms } from '../src/search/index-settings.ts';
import { answersOf } from '../src/search/plan-search.ts';
import { runSearchQa } from '../src/search/search-qa.ts';

const client = new Meilisearch({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_MASTER_KEY! });
const index = client.index(process.env.INDEX_NAME ?? 'qa');
const synonyms = { ...getIndexSynonyms(getProjectSynonyms()), ...((await index.getSynonyms()) as Record<string, string[]>) };
for (const q of process.argv.slice(2)) {
  const run = await runSearchQa(index, toSearchRequest({ q }), { synonyms });
  const { understood, plan, answers } = run;
  const weights = getTermWeights(understood.terms, understood.termVariants, answersOf(answers, plan.termSet), understood.projectGroups);
  console.log(`\n## ${q}\nsearched: ${understood.searchedFor} | projects: ${understood.named.projects.join(',')}`);
  console.log('terms: ' + weights.map(({ term, weight }) => `${term.text}${term.translations.length ? `(${term.translations.join('/')})` : ''}:${weight.toFixed(2)}`).join('  '));
  for (const hit of run.result.hits.slice(0, Number(process.env.SHOW ?? 6))) {
    const m = run.matches.get(hit.id);
    const text = [hit.question, hit.answer].join('\n');
    const held = weights.filter(({ weight }) => weight > 0).map(({ term }) => `${term.text}:${getTermCoverage(hit.question, term, { synonyms }).toFixed(1)}/${getTermCoverage(text, term, { synonyms }).toFixed(1)}`);
    const e = m?.evidence;
    console.log(`- [${m?.match ?? '-'} cov ${e?.coverage.toFixed(2)} share ${e?.scoreShare.toFixed(2)} rel ${e?.relativeScore.toFixed(2)}] ${hit.projects.join(',')} ${hit.question.replace(/\s+/g, ' ').slice(0, 90)}`);
    console.log(`    q/text: ${held.join(' ')}`);
  }
}
