/**
 * Where the time goes, from a V8 `.cpuprofile` (`node --cpu-prof`): self time summed per
 * function and per module (a project file, an npm package, Node's internals, GC).
 *
 *   npx tsx bench/summarize-cpu-profile.ts <file.cpuprofile> [--top 15]
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  selfMs: number;
  /** Share of the busy (non-idle) time, in percent. */
  percent: number;
}

export interface FunctionSelfTime extends SelfTime {
  /** `module:line` (1-based), or '' for V8's own entries. */
  location: string;
  module: string;
}

export interface CpuProfileSummary {
  /** Profiled wall time (of the window, when one was given). */
  totalMs: number;
  /** Waiting for I/O (the `(idle)` node). */
  idleMs: number;
  /** Busy = total - idle: the base of every percentage. */
  busyMs: number;
  gcMs: number;
  topFunctions: FunctionSelfTime[];
  byModule: SelfTime[];
  /** Coarse areas (`categoryOf`), every one of them. */
  byCategory: SelfTime[];
}

/** Coarse areas of the modules, first match wins. */
const CATEGORIES: [string, (module: string) => boolean][] = [
  ['garbage collection', (m) => m === '(garbage collector)'],
  ['markdown parsing (micromark, mdast-util-from-markdown, GFM)', (m) => /^(micromark|mdast-util-from-markdown|mdast-util-gfm|remark-parse|remark-gfm|decode-named-character-reference|character-entities)/.test(m)],
  ['HTML rendering and sanitizing (hast, rehype, parse5)', (m) => /^(hast|rehype|mdast-util-to-hast|parse5|property-information|html-|space-separated|comma-separated|web-namespaces|zwitch|hastscript)/.test(m)],
  ['front matter (yaml)', (m) => m === 'yaml'],
  ['unified, unist, vfile', (m) => /^(unified|unist|vfile|bail|trough|extend|devlop|is-plain-obj)/.test(m)],
  ['HTTP server (express and its middleware)', (m) => /^(express|router|body-parser|compression|helmet|cors|express-rate-limit|on-finished|on-headers|send|serve-static|finalhandler|accepts|negotiator|type-is|mime|content-type|etag|fresh|qs|raw-body|statuses|vary|depd|debug|parseurl|proxy-addr|forwarded|ipaddr\.js|path-to-regexp|cookie|safe-buffer|setprototypeof|iconv-lite|destroy|ee-first|encodeurl|escape-html|merge-descriptors|media-typer|range-parser)$/.test(m)],
  ['request validation (zod)', (m) => m === 'zod'],
  ['Meilisearch client', (m) => m === 'meilisearch'],
  ['logging and metrics (pino, prom-client)', (m) => /^(pino|prom-client|sonic-boom|thread-stream|fast-redact|quick-format-unescaped|atomic-sleep|on-exit-leak-free|real-require|safe-stable-stringify|tdigest|bintrees)/.test(m)],
  ['Node: HTTP, sockets, streams, buffers', (m) => /^node:(_http|http|net|internal\/(streams|http|net|stream_base|dns|url)|stream|buffer|events|internal\/buffer|internal\/event)/.test(m)],
  ['Node: files and modules', (m) => /^node:(fs|internal\/(fs|modules|vm|source_map|url|process))/.test(m)],
  ['Node: other', (m) => m.startsWith('node:')],
  ['native code (V8 builtins and Node bindings: JSON, RegExp, strings, socket writes)', (m) => m === '(V8 builtins)'],
  ['V8 (program)', (m) => m === '(program)'],
  ['project code: indexer/', (m) => m.startsWith('indexer/')],
  ['project code: api/', (m) => m.startsWith('api/')],
  ['project code: src/search/', (m) => m.startsWith('src/search/')],
  ['project code: other', (m) => /^(src|scripts|bench|web)\//.test(m)],
];

/** The coarse area of a module (`moduleOf`): markdown parsing, HTTP, GC, project code... */
export function categoryOf(module: string): string {
  return CATEGORIES.find(([, test]) => test(module))?.[0] ?? 'other packages';
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** The module of a script URL: a project file (relative to `root`), an npm package, a `node:` module, or V8's own entries. */
export function moduleOf(url: string, functionName: string, root: string): string {
  if (!url) return SPECIAL.has(functionName) ? functionName : '(V8 builtins)';
  if (url.startsWith('node:')) return url;
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = file.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? file);
  }
  if (file.startsWith(`${root}/`)) return path.relative(root, file);
  return file;
}

export interface SummarizeOptions {
  /** Project root: its files are named relative to it. */
  root: string;
  /** Entries in the top lists (default 15). */
  top?: number;
  /**
   * Only samples taken in [fromUs, toUs), in the profile's clock: microseconds of the monotonic
   * clock, the same as `process.hrtime.bigint() / 1000n` in any process of the machine.
   */
  fromUs?: number;
  toUs?: number;
}

/** Now, in the clock of `.cpuprofile` timestamps (for `fromUs` / `toUs`). */
export function profileClockUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** Self time per function and per module; `root` makes project paths relative. */
export function summarizeCpuProfile(profile: CpuProfile, options: SummarizeOptions): CpuProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  const from = options.fromUs ?? -Infinity;
  const to = options.toUs ?? Infinity;
  // V8 records the time before each sample; the time a sample stands for is the next delta.
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from || at >= to) continue;
    const id = profile.samples[i]!;
    const delta = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, delta));
  }
  const functions = new Map<string, { name: string; location: string; module: string; us: number }>();
  const modules = new Map<string, number>();
  let idleUs = 0;
  let gcUs = 0;
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    totalUs += us;
    if (frame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    if (frame.functionName === '(garbage collector)') gcUs += us;
    const module = moduleOf(frame.url, frame.functionName, options.root);
    const name = frame.functionName || '(anonymous)';
    // (files compiled by tsx report line 0 for every function: no line number then)
    const location = frame.url ? (frame.lineNumber > 0 ? `${module}:${frame.lineNumber + 1}` : module) : '';
    const key = `${name}\u0000${location}`;
    const entry = functions.get(key) ?? { name, location, module, us: 0 };
    entry.us += us;
    functions.set(key, entry);
    modules.set(module, (modules.get(module) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const categories = new Map<string, number>();
  for (const [module, us] of modules) categories.set(categoryOf(module), (categories.get(categoryOf(module)) ?? 0) + us);
  const ms = (us: number) => Math.round(us / 100) / 10;
  const percent = (us: number) => (busyUs > 0 ? Math.round((1000 * us) / busyUs) / 10 : 0);
  const top = options.top ?? 15;
  return {
    totalMs: ms(totalUs),
    idleMs: ms(idleUs),
    busyMs: ms(busyUs),
    gcMs: ms(gcUs),
    topFunctions: [...functions.values()].sort((a, b) => b.us - a.us).slice(0, top)
      .map((f) => ({ name: f.name, location: f.location, module: f.module, selfMs: ms(f.us), percent: percent(f.us) })),
    byModule: [...modules.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)
      .map(([name, us]) => ({ name, selfMs: ms(us), percent: percent(us) })),
    byCategory: [...categories.entries()].sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, selfMs: ms(us), percent: percent(us) })),
  };
}

/**
 * The profile with every frame of a bundled file (the build's `dist/api/main-*.js` chunks) moved
 * to the source it was bundled from, through the `.map` file beside it: without it, the whole
 * service is one "package" and no project file shows.
 */
export async function resolveSourceMaps(profile: CpuProfile): Promise<CpuProfile> {
  const maps = new Map<string, Promise<SourceMap | null>>();
  const mapOf = (file: string) => {
    let map = maps.get(file);
    if (!map) {
      map = fs.readFile(`${file}.map`, 'utf8').then((text) => new SourceMap(JSON.parse(text) as SourceMapPayload), () => null);
      maps.set(file, map);
    }
    return map;
  };
  const nodes = await Promise.all(profile.nodes.map(async (node) => {
    const { url, lineNumber, columnNumber } = node.callFrame;
    if (!url || url.startsWith('node:') || url.includes('/node_modules/')) return node;
    const file = url.startsWith('file://') ? fileURLToPath(url) : url;
    const map = await mapOf(file);
    const entry = map?.findEntry(lineNumber, columnNumber ?? 0);
    if (!entry || !('originalSource' in entry) || !entry.originalSource) return node;
    const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(file), entry.originalSource);
    return { ...node, callFrame: { ...node.callFrame, url: pathToFileURL(source).href, lineNumber: entry.originalLine, columnNumber: entry.originalColumn } };
  }));
  return { ...profile, nodes };
}

/** Read and summarize a `.cpuprofile` file (bundled frames resolved to their sources). */
export async function summarizeCpuProfileFile(file: string, options: SummarizeOptions): Promise<CpuProfileSummary> {
  return summarizeCpuProfile(await resolveSourceMaps(JSON.parse(await fs.readFile(file, 'utf8')) as CpuProfile), options);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '15' } } });
  if (!positionals[0]) {
    process.stderr.write('usage: tsx bench/summarize-cpu-profile.ts <file.cpuprofile> [--top N]\n');
    process.exit(2);
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const summary = await summarizeCpuProfileFile(positionals[0], { root, top: Number(values.top) });
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}
