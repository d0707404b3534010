/**
 * Relevance on the dev queries (`../shared/tools/relevance.py`), side by side: the running
 * service (`api` mode), and the same records in a Meilisearch index with default settings
 * (`meili` mode).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Meilisearch } from 'meilisearch';
import { extractCorpus } from '../indexer/extract/extract-corpus.ts';
import type { QaRecord } from '../src/qa-record.ts';
import { toSearchDocument } from '../src/search/search-document.ts';

export interface RelevanceFigures {
  s1: number;
  s5: number;
  s5NotHard: number;
  s5Hard: number;
  mrr10: number;
  n: number;
  /** success@5 per query style. */
  byStyle: Record<string, number>;
}

/** The figures of `../shared/tools/answerability.py` (its last `answerability:` line). */
export interface AnswerabilityFigures {
  /** Share of no-answer queries with no strong hit. */
  abstain: number;
  /** Share of answerable queries whose target is in the top 5 and strong. */
  confident5: number;
  /** Share of answerable queries whose strong first hit is wrong and whose target is not in the top 5. */
  falseStrong: number;
  nNoAnswer: number;
  nAnswerable: number;
}

/** Answerable and no-answer sets scored together by answerability.py (paths from the repository root; null: its defaults). */
export const ANSWERABILITY_SETS: readonly { name: string; answerable: string | null; noAnswer: string | null }[] = [
  { name: 'dev (dev-queries + dev-queries-noanswer)', answerable: null, noAnswer: null },
  { name: 'GitHub issues (issue titles + unanswered issues)', answerable: 'bench/queries/issue-titles.json', noAnswer: 'bench/queries/noanswer-issues.json' },
  { name: 'GitHub issues, held aside (issue-titles-5 + noanswer-issues-5)', answerable: 'bench/queries/issue-titles-5.json', noAnswer: 'bench/queries/noanswer-issues-5.json' },
  { name: 'GitHub issues, held aside (issue-titles-6 + noanswer-issues-7)', answerable: 'bench/queries/issue-titles-6.json', noAnswer: 'bench/queries/noanswer-issues-7.json' },
  { name: 'staff queries, held aside (held-aside-answerable-1 + dev-queries-noanswer)', answerable: 'bench/queries/held-aside-answerable-1.json', noAnswer: null },
];

export interface RelevanceBench {
  /** The service's /api/search (the relevance pipeline). */
  service: RelevanceFigures;
  /** The same records (`toSearchDocument`) in an index with Meilisearch's default settings. */
  meiliDefault: RelevanceFigures;
  records: number;
  /** The other query sets (`QUERY_SETS`), each on both sides. */
  sets?: { name: string; file: string; service: RelevanceFigures; meiliDefault: RelevanceFigures }[];
  /**
   * answerability.py on the service, per `ANSWERABILITY_SETS`. Meilisearch alone has no notion
   * of a strong hit: every hit counts as strong there, so it never abstains.
   */
  answerability?: { name: string; figures: AnswerabilityFigures }[];
}

/** Query sets measured besides the dev queries, when their file exists (paths from the repository root). */
export const QUERY_SETS: readonly { name: string; file: string }[] = [
  { name: 'extra (self-written)', file: 'scripts/relevance-extra-queries.json' },
  { name: 'GitHub issue titles', file: 'bench/queries/issue-titles.json' },
  { name: 'GitHub issue titles, held aside (issue-titles-5)', file: 'bench/queries/issue-titles-5.json' },
  { name: 'GitHub issue titles, held aside (issue-titles-6)', file: 'bench/queries/issue-titles-6.json' },
  { name: 'staff queries, held aside (held-aside-answerable-1, drawn at random, written blind)', file: 'bench/queries/held-aside-answerable-1.json' },
];

/** The figures of relevance.py's output (its `success@5 by style:` and last `relevance:` lines). */
export function parseRelevanceOutput(output: string): RelevanceFigures {
  const summary = /relevance: s@1=([\d.]+) s@5=([\d.]+) s@5_nothard=([\d.]+) s@5_hard=([\d.]+) mrr@10=([\d.]+) n=(\d+)/.exec(output);
  if (!summary) throw new Error(`relevance.py printed no summary line:\n${output.slice(-2000)}`);
  const byStyle: Record<string, number> = {};
  const styles = /success@5 by style: (.*)/.exec(output)?.[1] ?? '';
  for (const [, style, value] of styles.matchAll(/(\w+)=([\d.]+)/g)) byStyle[style!] = Number(value);
  const [, s1, s5, s5NotHard, s5Hard, mrr10, n] = summary.map(Number) as number[];
  return { s1: s1!, s5: s5!, s5NotHard: s5NotHard!, s5Hard: s5Hard!, mrr10: mrr10!, n: n!, byStyle };
}

export function parseAnswerabilityOutput(output: string): AnswerabilityFigures {
  const summary = /answerability: abstain=([\d.]+) confident@5=([\d.]+) false_strong=([\d.]+) s@5=[\d.]+ n_noanswer=(\d+) n_answerable=(\d+)/.exec(output);
  if (!summary) throw new Error(`answerability.py printed no summary line:\n${output.slice(-2000)}`);
  const [, abstain, confident5, falseStrong, nNoAnswer, nAnswerable] = summary.map(Number) as number[];
  return { abstain: abstain!, confident5: confident5!, falseStrong: falseStrong!, nNoAnswer: nNoAnswer!, nAnswerable: nAnswerable! };
}

/** Run relevance.py with `args`; resolves with its figures. */
export function runRelevancePy(script: string, args: string[]): Promise<RelevanceFigures> {
  return runPython(script, args, parseRelevanceOutput);
}

/** Run answerability.py (beside `relevanceScript`) on the service at `apiUrl`. */
export function runAnswerabilityPy(relevanceScript: string, apiUrl: string, set: (typeof ANSWERABILITY_SETS)[number], root: string): Promise<AnswerabilityFigures> {
  const args = [apiUrl];
  if (set.answerable) args.push('--answerable', path.join(root, set.answerable));
  if (set.noAnswer) args.push('--noanswer', path.join(root, set.noAnswer));
  return runPython(path.join(path.dirname(relevanceScript), 'answerability.py'), args, parseAnswerabilityOutput);
}

function runPython<T>(script: string, args: string[], parse: (output: string) => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${path.basename(script)} ${args[0]} exited with ${code}: ${err.slice(-1000)}`));
      try {
        resolve(parse(out));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** Every record the extractor finds under `corpus`. */
export async function extractRecords(corpus: string): Promise<QaRecord[]> {
  const records: QaRecord[] = [];
  for await (const post of extractCorpus([corpus])) records.push(...post.records);
  return records;
}

/** A fresh index `uid` with default settings holding `records`, on the server at `url` (admin `key`). */
export async function loadDefaultIndex(url: string, key: string, uid: string, records: readonly QaRecord[]): Promise<void> {
  const client = new Meilisearch({ host: url, apiKey: key });
  await client.deleteIndex(uid).waitTask({ timeout: 60_000 });
  const created = await client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 60_000 });
  if (created.status !== 'succeeded') throw new Error(`creating ${uid}: ${JSON.stringify(created.error)}`);
  const added = await client.index(uid).addDocuments(records.map((record) => ({ ...toSearchDocument(record) }))).waitTask({ timeout: 300_000 });
  if (added.status !== 'succeeded') throw new Error(`adding documents to ${uid}: ${JSON.stringify(added.error)}`);
}

export interface MeasureRelevanceOptions {
  /** relevance.py */
  script: string;
  /** The service, `http://127.0.0.1:PORT`. */
  apiUrl: string;
  /** Its Meilisearch and master key (for the default-settings index, deleted afterwards). */
  meiliUrl: string;
  masterKey: string;
  corpus: string;
}

export async function measureRelevance(options: MeasureRelevanceOptions): Promise<RelevanceBench> {
  const service = await runRelevancePy(options.script, ['api', options.apiUrl]);
  const records = await extractRecords(options.corpus);
  const uid = 'bench_default_settings';
  await loadDefaultIndex(options.meiliUrl, options.masterKey, uid, records);
  try {
    const meiliDefault = await runRelevancePy(options.script, ['meili', options.meiliUrl, options.masterKey, uid]);
    const root = fileURLToPath(new URL('..', import.meta.url));
    const sets: NonNullable<RelevanceBench['sets']> = [];
    for (const set of QUERY_SETS) {
      const file = path.join(root, set.file);
      if (!existsSync(file)) continue;
      sets.push({
        ...set,
        service: await runRelevancePy(options.script, ['api', options.apiUrl, '--queries', file]),
        meiliDefault: await runRelevancePy(options.script, ['meili', options.meiliUrl, options.masterKey, uid, '--queries', file]),
      });
    }
    const answerability: NonNullable<RelevanceBench['answerability']> = [];
    for (const set of ANSWERABILITY_SETS) {
      if ([set.answerable, set.noAnswer].some((file) => file && !existsSync(path.join(root, file)))) continue;
      answerability.push({ name: set.name, figures: await runAnswerabilityPy(options.script, options.apiUrl, set, root) });
    }
    return { service, meiliDefault, records: records.length, sets, answerability };
  } finally {
    await new Meilisearch({ host: options.meiliUrl, apiKey: options.masterKey }).deleteIndex(uid).waitTask({ timeout: 60_000 }).catch(() => {});
  }
}
