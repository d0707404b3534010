// `npm run bench:startup [-- --corpus DIR] [--runs 5] [--warm-runs 5] [--cold-runs 2]`
// Whole-process costs side by side in one run (bench/measure-startup.ts): `npm run extract`
// compiled vs under tsx vs the naive remark-parse + GFM parse; start to the first successful
// search on an indexed and on a fresh DATA_DIR, compiled vs tsx; the process tree's memory.
// Prints a table; the figures go to bench/out/startup-<time>.json.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureStartup } from './measure-startup.ts';
import { ROOT } from './start-service.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.resolve(ROOT, '../shared/corpus/sofastack.tech') },
    runs: { type: 'string', default: '5' },
    'warm-runs': { type: 'string', default: '5' },
    'cold-runs': { type: 'string', default: '2' },
  },
});
const corpus = path.resolve(values.corpus);
if (!existsSync(corpus)) {
  process.stderr.write(`bench:startup: no corpus at ${corpus} (--corpus DIR)\n`);
  process.exit(2);
}
const log = (line: string) => process.stderr.write(`${line}\n`);
log(`bench:startup on ${corpus}: ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)}`);
const result = await measureStartup({ corpus, extractRuns: Number(values.runs), warmRuns: Number(values['warm-runs']), coldRuns: Number(values['cold-runs']), log });
const s = (ms: number | undefined) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`);
const e = result.extract;
const lines = [
  `extract, whole process, median of ${e.runs}: compiled ${s(e.medianMs.compiled)}, npm run extract ${s(e.medianMs['npm run extract'])}, tsx ${s(e.medianMs.tsx)}, naive parse ${s(e.medianMs['naive parse'])}`,
  `  naive / compiled ${e.naiveOverCompiled}x, naive / tsx ${e.naiveOverTsx}x; ${e.records} records, compiled = tsx = npm output: ${e.sameRecords}`,
  `start to first search, indexed DATA_DIR, median of ${result.warmStart.runs}: compiled ${s(result.warmStart.medianMs.compiled)}, npm start ${s(result.warmStart.medianMs['npm start'])}, tsx ${s(result.warmStart.medianMs.tsx)}`,
  `start to first search, fresh DATA_DIR (indexing the corpus), median of ${result.coldStart.runs}: compiled ${s(result.coldStart.medianMs.compiled)}, tsx ${s(result.coldStart.medianMs.tsx)}`,
  ...Object.entries(result.memory).map(([variant, m]) => `memory ${variant}: ${m.nodeSideMb} MB node side, ${m.totalMb} MB with Meilisearch, ${m.processes} processes`),
];
process.stdout.write(`${lines.join('\n')}\n`);
const outDir = path.join(ROOT, 'bench', 'out');
await fs.mkdir(outDir, { recursive: true });
const file = path.join(outDir, `startup-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
await fs.writeFile(file, `${JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg()[0], ...result }, null, 2)}\n`);
log(`written: ${path.relative(process.cwd(), file)}`);
