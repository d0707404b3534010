// Make a corpus N times larger for load tests: every weekly post of the real corpus is copied
// N-1 more times with its own slug, date and slightly varied text; other files are copied once.
//
//   tsx scripts/generate-corpus.ts --factor 100 [--source <corpus>] [--out <dir>]
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const REAL_CORPUS = '/work/shared/corpus/sofastack.tech';

export interface GenerateCorpusOptions {
  /** Corpus to multiply (default: the real sofastack.tech corpus). */
  source?: string;
  /** Output folder (created; must not exist or be empty). */
  out: string;
  /** Copies of each weekly post, the original included (default: 100). */
  factor?: number;
  /** Seed of the text variations (default: 1). */
  seed?: number;
}

export interface GeneratedCorpus {
  out: string;
  weeklyPosts: number;
  files: number;
  bytes: number;
}

const WEEKLY_PATH = /(^|\/)sofa-weekly[^/]*\//i;
const WEEKLY_TITLE = /^title:.*SOFA\s*Weekly/im;

/** Word swaps that keep a question a question (applied to some lines of each copy). */
const SWAPS: [RegExp, string][] = [
  [/请问/g, '想问一下'], [/怎么/g, '如何'], [/可以/g, '能够'], [/问题/g, '疑问'],
  [/配置/g, '设置'], [/使用/g, '用'], [/是否/g, '是不是'], [/目前/g, '现在'],
];

/** mulberry32: a small deterministic PRNG. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}

/** Path of copy `k` of a post: its folder (or file stem) gets a `-x<k>` suffix. */
function copyPath(rel: string, k: number): string {
  const parts = rel.split('/');
  const file = parts.pop() ?? '';
  if (/^index\.(md|markdown)$/i.test(file) && parts.length) {
    parts[parts.length - 1] = `${parts[parts.length - 1]}-x${k}`;
    return [...parts, file].join('/');
  }
  return [...parts, file.replace(/(\.[^.]+)$/, `-x${k}$1`)].join('/');
}

/** Shift the front-matter date by `days`, keep its format. */
function shiftDate(frontMatterDate: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(.*)$/.exec(frontMatterDate.trim());
  if (!match) return frontMatterDate;
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}${match[4] ?? ''}`;
}

/** Copy `k` of a weekly post's text: new title, slug and date in the front matter; some words swapped in the body. */
export function varyPost(text: string, k: number, random: () => number): string {
  const fmEnd = text.startsWith('---') ? text.indexOf('\n---', 3) : -1;
  let front = fmEnd > 0 ? text.slice(0, fmEnd) : '';
  let body = fmEnd > 0 ? text.slice(fmEnd) : text;
  if (front) {
    front = front
      .replace(/^(title:\s*)(["']?)(.*?)\2\s*$/m, (_m, key: string, quote: string, title: string) => `${key}${quote}${title} #${k}${quote}`)
      .replace(/^(slug:\s*)(["']?)(.*?)\2\s*$/m, (_m, key: string, quote: string, slug: string) => `${key}${quote}${slug}-x${k}${quote}`)
      .replace(/^(date:\s*)(["']?)(.*?)\2\s*$/m, (_m, key: string, quote: string, date: string) => `${key}${quote}${shiftDate(date, k)}${quote}`);
  }
  body = body
    .split('\n')
    .map((line) => {
      if (/https?:|!\[|^\s*(#|---|\|)/.test(line) || random() < 0.5) return line;
      let varied = line;
      for (const [pattern, replacement] of SWAPS) if (random() < 0.5) varied = varied.replace(pattern, replacement);
      return varied;
    })
    .join('\n');
  return front + body;
}

/** Write the multiplied corpus to `out`. */
export async function generateCorpus(options: GenerateCorpusOptions): Promise<GeneratedCorpus> {
  const source = path.resolve(options.source ?? REAL_CORPUS);
  const factor = options.factor ?? 100;
  if (!Number.isInteger(factor) || factor < 1) throw new TypeError(`generateCorpus: factor must be a positive integer, got ${factor}`);
  const out = path.resolve(options.out);
  await fs.mkdir(out, { recursive: true });
  if ((await fs.readdir(out)).length) throw new Error(`generateCorpus: ${out} is not empty`);
  const random = createRandom(options.seed ?? 1);
  let weeklyPosts = 0;
  let files = 0;
  let bytes = 0;
  const write = async (rel: string, data: string | Buffer) => {
    const dest = path.join(out, rel);
    await fs.mkdir(path.dirname(dest), { recursive: true });
    await fs.writeFile(dest, data);
    files++;
    bytes += Buffer.byteLength(data);
  };
  for (const rel of await listFiles(source)) {
    const data = await fs.readFile(path.join(source, rel));
    await write(rel, data);
    if (!/\.(md|markdown)$/i.test(rel)) continue;
    const text = data.toString('utf8');
    if (!WEEKLY_PATH.test(rel) && !WEEKLY_TITLE.test(text.slice(0, 2000))) continue;
    weeklyPosts++;
    for (let k = 1; k < factor; k++) await write(copyPath(rel, k), varyPost(text, k, random));
  }
  return { out, weeklyPosts, files, bytes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({
    options: { factor: { type: 'string', default: '100' }, source: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
    strict: true,
  });
  const factor = Number(values.factor);
  const out = values.out ?? path.join(os.tmpdir(), `weekly-faq-corpus-${factor}x-${Date.now()}`);
  const result = await generateCorpus({ source: values.source, out, factor, seed: Number(values.seed) });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
