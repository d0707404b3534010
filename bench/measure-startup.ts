/**
 * What a user pays per command, as whole processes, side by side in one run:
 * - extraction: `npm run extract` over the corpus (compiled, through scripts/launch.mjs; and the
 *   same through npm), the extractor under tsx as `npm run extract` ran it before the build, and
 *   the naive floor (bench/naive-parse.mjs: remark-parse + GFM over every markdown file, as its
 *   own process). The records of the compiled and the tsx run must be byte-identical.
 * - start-up: from spawning the service to its first successful search, on an indexed DATA_DIR
 *   (warm) and on a fresh one (cold: Meilisearch starts and the corpus is indexed first), compiled
 *   (`node scripts/launch.mjs api/main.js`, what `npm start` runs; and `npm start` itself) against
 *   tsx (`tsx api/main.ts`, what `npm start` ran before: the tsx CLI and its node child).
 * - memory: RSS of the service's process tree once it has answered a few searches, with and
 *   without the Meilisearch server (the node side: the service, wrapper processes, esbuild's
 *   service, the watchdog).
 * Runs alternate between the variants; figures are medians.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../src/meili/find-free-port.ts';
import { ensureBuilt, ROOT } from './start-service.ts';
import { median, round } from './stats.ts';

export const EXTRACT_VARIANTS = {
  compiled: ['node', 'scripts/launch.mjs', 'indexer/cli/extract-cli.js'],
  'npm run extract': ['npm', 'run', '--silent', 'extract', '--'],
  tsx: ['node_modules/.bin/tsx', 'indexer/cli/extract-cli.ts'],
  'naive parse': ['node', 'bench/naive-parse.mjs'],
} as const;

export const START_VARIANTS = {
  compiled: ['node', 'scripts/launch.mjs', 'api/main.js'],
  'npm start': ['npm', 'start'],
  tsx: ['node_modules/.bin/tsx', 'api/main.ts'],
} as const;

type ExtractVariant = keyof typeof EXTRACT_VARIANTS;
type StartVariant = keyof typeof START_VARIANTS;

export interface StartupBench {
  corpus: string;
  extract: { runs: number; medianMs: Record<ExtractVariant, number>; runsMs: Record<ExtractVariant, number[]>; naiveOverCompiled: number; naiveOverTsx: number; sameRecords: boolean; records: number };
  warmStart: { runs: number; medianMs: Record<StartVariant, number>; runsMs: Record<StartVariant, number[]> };
  coldStart: { runs: number; medianMs: Partial<Record<StartVariant, number>>; runsMs: Partial<Record<StartVariant, number[]>> };
  /** MB, medians over the warm starts. */
  memory: Record<StartVariant, { nodeSideMb: number; totalMb: number; processes: number }>;
}

function run(command: readonly string[], args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ ms: number; stdout: Buffer; code: number | null }> {
  const started = performance.now();
  const child = spawn(command[0]!, [...command.slice(1), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'ignore'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ ms: performance.now() - started, stdout: Buffer.concat(chunks), code }));
  });
}

/** Every process under `pid` (itself included), from /proc. */
async function getProcessTree(pid: number): Promise<number[]> {
  const tree = [pid];
  const tasks = await fs.readdir(`/proc/${pid}/task`).catch(() => []);
  for (const task of tasks) {
    const children = await fs.readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    for (const child of children.split(/\s+/).filter(Boolean).map(Number)) tree.push(...(await getProcessTree(child)));
  }
  return tree;
}

async function readRss(pid: number): Promise<{ name: string; kb: number }> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return { name: /^Name:\s*(.*)$/m.exec(status)?.[1] ?? '?', kb: Number(/^VmRSS:\s*(\d+)/m.exec(status)?.[1] ?? 0) };
}

async function treeMemory(pid: number): Promise<{ nodeSideMb: number; totalMb: number; processes: number }> {
  const rss = await Promise.all((await getProcessTree(pid)).map(readRss));
  const mb = (list: typeof rss) => round(list.reduce((sum, p) => sum + p.kb, 0) / 1024, 1);
  return { nodeSideMb: mb(rss.filter((p) => p.name !== 'meilisearch')), totalMb: mb(rss), processes: rss.length };
}

async function stopTree(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Spawn the service, time it to the first 200 of a search, take the tree's memory after a few more, stop it. */
async function timeStart(variant: StartVariant, env: Record<string, string>): Promise<{ ms: number; memory: { nodeSideMb: number; totalMb: number; processes: number } }> {
  const port = await findFreePort();
  const command = START_VARIANTS[variant];
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'ignore'] });
  child.stdout!.resume();
  try {
    const url = `http://127.0.0.1:${port}/api/search?q=jraft`;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${variant} exited with ${child.exitCode} before answering`);
      if (performance.now() - started > 600_000) throw new Error(`${variant}: no search answered within 10 minutes`);
      const ok = await fetch(url).then((res) => res.ok, () => false);
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const ms = performance.now() - started;
    for (let i = 0; i < 20; i++) await fetch(`${url}&page=${(i % 3) + 1}`).then((res) => res.arrayBuffer());
    return { ms, memory: await treeMemory(child.pid!) };
  } finally {
    await stopTree(child);
  }
}

export async function measureStartup(options: { corpus: string; extractRuns: number; warmRuns: number; coldRuns: number; log?: (line: string) => void }): Promise<StartupBench> {
  const log = options.log ?? (() => {});
  await ensureBuilt();
  const extractVariants = Object.keys(EXTRACT_VARIANTS) as ExtractVariant[];
  const extractRuns = Object.fromEntries(extractVariants.map((v) => [v, [] as number[]])) as Record<ExtractVariant, number[]>;
  const digests = new Map<ExtractVariant, string>();
  let records = 0;
  for (let i = 0; i < options.extractRuns + 1; i++) {
    for (const variant of i % 2 ? [...extractVariants].reverse() : extractVariants) {
      const result = await run(EXTRACT_VARIANTS[variant], [options.corpus]);
      if (result.code !== 0) throw new Error(`extract ${variant} exited with ${result.code}`);
      if (i === 0) {
        // the first round warms the page cache and checks the output; it is not timed
        digests.set(variant, createHash('sha256').update(result.stdout).digest('hex'));
        if (variant === 'compiled') records = result.stdout.toString('utf8').split('\n').filter(Boolean).length;
        continue;
      }
      extractRuns[variant].push(result.ms);
    }
    if (i > 0) log(`extract round ${i}/${options.extractRuns}: ${extractVariants.map((v) => `${v} ${Math.round(extractRuns[v].at(-1)!)} ms`).join(', ')}`);
  }
  const extractMedian = Object.fromEntries(extractVariants.map((v) => [v, Math.round(median(extractRuns[v]))])) as Record<ExtractVariant, number>;

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'weekly-faq-startup-'));
  const base = { DATA_DIR: dataDir, WEEKLY_SOURCE: options.corpus, REINDEX_CRON: 'off', LOG_LEVEL: 'info', MEILI_URL: '', MEILI_MASTER_KEY: '', ADMIN_TOKEN: '' };
  const startVariants = Object.keys(START_VARIANTS) as StartVariant[];
  const warmRuns = Object.fromEntries(startVariants.map((v) => [v, [] as number[]])) as Record<StartVariant, number[]>;
  const memories = Object.fromEntries(startVariants.map((v) => [v, [] as Awaited<ReturnType<typeof treeMemory>>[]])) as Record<StartVariant, Awaited<ReturnType<typeof treeMemory>>[]>;
  const coldRuns: Partial<Record<StartVariant, number[]>> = { compiled: [], tsx: [] };
  try {
    log('indexing the corpus into the warm DATA_DIR');
    await timeStart('compiled', base);
    for (let i = 0; i < options.warmRuns; i++) {
      for (const variant of i % 2 ? [...startVariants].reverse() : startVariants) {
        const result = await timeStart(variant, base);
        warmRuns[variant].push(result.ms);
        memories[variant].push(result.memory);
      }
      log(`warm start round ${i + 1}/${options.warmRuns}: ${startVariants.map((v) => `${v} ${Math.round(warmRuns[v].at(-1)!)} ms (${memories[v].at(-1)!.nodeSideMb} MB node side)`).join(', ')}`);
    }
    for (let i = 0; i < options.coldRuns; i++) {
      for (const variant of (i % 2 ? ['tsx', 'compiled'] : ['compiled', 'tsx']) as StartVariant[]) {
        const fresh = await fs.mkdtemp(path.join(os.tmpdir(), 'weekly-faq-startup-cold-'));
        try {
          coldRuns[variant]!.push((await timeStart(variant, { ...base, DATA_DIR: fresh })).ms);
        } finally {
          await fs.rm(fresh, { recursive: true, force: true });
        }
      }
      log(`cold start round ${i + 1}/${options.coldRuns}: compiled ${Math.round(coldRuns.compiled!.at(-1)!)} ms, tsx ${Math.round(coldRuns.tsx!.at(-1)!)} ms`);
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  const medianMemory = (list: Awaited<ReturnType<typeof treeMemory>>[]) => ({
    nodeSideMb: round(median(list.map((m) => m.nodeSideMb)), 1), totalMb: round(median(list.map((m) => m.totalMb)), 1), processes: Math.round(median(list.map((m) => m.processes))),
  });
  return {
    corpus: options.corpus,
    extract: {
      runs: options.extractRuns,
      medianMs: extractMedian,
      runsMs: Object.fromEntries(extractVariants.map((v) => [v, extractRuns[v].map(Math.round)])) as Record<ExtractVariant, number[]>,
      naiveOverCompiled: round(extractMedian['naive parse'] / extractMedian.compiled, 2),
      naiveOverTsx: round(extractMedian['naive parse'] / extractMedian.tsx, 2),
      sameRecords: digests.get('compiled') === digests.get('tsx') && digests.get('compiled') === digests.get('npm run extract'),
      records,
    },
    warmStart: {
      runs: options.warmRuns,
      medianMs: Object.fromEntries(startVariants.map((v) => [v, Math.round(median(warmRuns[v]))])) as Record<StartVariant, number>,
      runsMs: Object.fromEntries(startVariants.map((v) => [v, warmRuns[v].map(Math.round)])) as Record<StartVariant, number[]>,
    },
    coldStart: {
      runs: options.coldRuns,
      medianMs: Object.fromEntries(Object.entries(coldRuns).map(([v, list]) => [v, Math.round(median(list))])),
      runsMs: Object.fromEntries(Object.entries(coldRuns).map(([v, list]) => [v, list.map(Math.round)])),
    },
    memory: Object.fromEntries(startVariants.map((v) => [v, medianMemory(memories[v])])) as StartupBench['memory'],
  };
}
