/**
 * `npm run build`: the service as plain JavaScript in `dist/` (or `--out-dir DIR`).
 *
 * - Every file of tsconfig.build.json (server, indexer, CLIs) is transpiled one by one with
 *   esbuild, the transform tsx applies when it runs them (no bundling: `dist/` mirrors the source
 *   tree, so `new URL(..., import.meta.url)` paths hold), relative `.ts` imports rewritten to
 *   `.js`, with source maps. Types are checked by `npm run typecheck` / `npm test`, not here
 *   (`tsc -p tsconfig.build.json` emits the same tree, type-checked, in ~15 s instead of ~1 s).
 * - Every other file under those folders (data files, `meili-watchdog.mjs`) is copied, and
 *   `samples/` (indexed when WEEKLY_SOURCE is unset); the part of CC-CEDICT a reindex uses is
 *   written beside the data files (`compactLexicon`, `src/data/cc-cedict-compact.json`).
 * - The page and the widget are bundled once (`buildWebAssets`) into `dist/web/assets/` under
 *   hashed names, with `.br` and `.gz` beside each.
 * - The entries `scripts/launch.mjs` runs (the npm scripts `start`, `extract`, `index`) are then
 *   bundled over their file-by-file version, each into one file with its packages (what a start
 *   waits on is mostly module loading, and one file loads faster than ~950 modules), and code
 *   it imports lazily (`import()`: the indexer, in the service) as chunks beside it. A module's
 *   `import.meta.url` is rewritten to where its file-by-file copy sits, so files read relative to
 *   a module (data files, the watchdog, the insights worker) resolve as before and dist/ can move.
 * - `build-info.json` last: `scripts/launch.mjs` rebuilds when a source is newer than it.
 *
 * The build goes into a temporary folder renamed over the old one at the end, so a failed build
 * leaves the previous `dist/` as it was.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { compactLexicon } from '../src/search/compact-lexicon.ts';
import { COMPACT_LEXICON_FILE, getCcCedictVersion, loadCcCedict, type CompactLexiconFile } from '../src/search/load-lexicon.ts';
import { buildWebAssets } from '../web/build-web-assets.ts';
import { writeWebAssets } from '../web/web-asset-files.ts';
import { reuseMicromarkConstructs } from './reuse-micromark-constructs.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Node versions the server code is written for (syntax only). */
const NODE_TARGET = 'node20';

export interface BuildResult {
  outDir: string;
  /** Compiled modules, copied files. */
  modules: number;
  copied: number;
  ms: number;
}

/**
 * The TypeScript files of tsconfig.build.json: its `include` folders minus its `exclude` folders
 * (plain folder names only, so this needs no TypeScript at build time, and `tsc -p` agrees).
 */
export async function getProjectFiles(tsconfig: string): Promise<string[]> {
  const { include, exclude = [] } = JSON.parse(await fs.readFile(tsconfig, 'utf8')) as { include?: string[]; exclude?: string[] };
  const folders = [...(include ?? []), ...exclude];
  if (!include?.length || folders.some((folder) => !/^[\w-]+(\/[\w-]+)*$/.test(folder))) {
    throw new Error(`getProjectFiles: ${tsconfig}: include and exclude must list plain folder names`);
  }
  const base = path.dirname(tsconfig);
  const excluded = exclude.map((folder) => path.join(base, folder) + path.sep);
  const files: string[] = [];
  for (const folder of include) {
    for (const entry of await fs.readdir(path.join(base, folder), { withFileTypes: true, recursive: true })) {
      const file = path.join(entry.parentPath, entry.name);
      if (entry.isFile() && /\.[mc]?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') && !excluded.some((prefix) => file.startsWith(prefix))) files.push(file);
    }
  }
  return files.sort();
}

/** Every import stays an import: packages as they are, relative `.ts` paths as `.js`. */
const keepImports: Plugin = {
  name: 'keep-imports',
  setup(plugin) {
    plugin.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const rewritten = args.path.startsWith('.') ? args.path.replace(/\.(m?)ts$/, '.$1js') : args.path;
      return { path: rewritten, external: true };
    });
  },
};

/**
 * The entries the npm scripts run through `scripts/launch.mjs` (`api/main.js`, ...), as sources
 * (`api/main.ts`): the scripts are the one list of what is run, so the bundles follow them.
 */
export async function getLaunchedEntries(packageJson = path.join(ROOT, 'package.json')): Promise<string[]> {
  const { scripts = {} } = JSON.parse(await fs.readFile(packageJson, 'utf8')) as { scripts?: Record<string, string> };
  const entries = Object.values(scripts).flatMap((script) => [...script.matchAll(/scripts\/launch\.mjs\s+(\S+)\.js\b/g)].map((match) => `${match[1]}.ts`));
  return [...new Set(entries)].sort();
}

/** Packages never bundled: native or platform binaries, and esbuild (only the tsx path of get-web-assets imports it). */
const NOT_BUNDLED = ['esbuild', 'libsql', '@libsql/*', '@gaubee/*', 'tsx', 'tsx/*'];

/**
 * `import.meta.url` of each project module in a bundle written to `bundleDir`: the URL of its
 * file-by-file copy in the same dist/ (relative, so dist/ can be moved).
 */
function keepModuleUrls(bundleDir: string, distDir: string): Plugin {
  return {
    name: 'keep-module-urls',
    setup(plugin) {
      plugin.onLoad({ filter: /\.[mc]?ts$/ }, async (args) => {
        const relative = path.relative(ROOT, args.path);
        if (relative.startsWith('..') || relative.split(path.sep).includes('node_modules')) return undefined;
        const text = await fs.readFile(args.path, 'utf8');
        const compiled = path.join(distDir, relative.replace(/\.(m?)ts$/, '.$1js'));
        const url = `new URL(${JSON.stringify(path.relative(bundleDir, compiled).split(path.sep).join('/'))}, import.meta.url).href`;
        return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}

/** Bundle `entry` (a source path relative to ROOT) over its compiled file in `distDir`, lazy imports as chunks beside it. */
async function bundleEntry(entry: string, distDir: string): Promise<void> {
  const bundleDir = path.join(distDir, path.dirname(entry));
  const name = path.basename(entry).replace(/\.[mc]?ts$/, '');
  await build({
    entryPoints: [path.join(ROOT, entry)],
    outdir: bundleDir,
    entryNames: '[name]',
    // beside the entry, so the relative module URLs above hold for code in a chunk too
    chunkNames: `${name}-[hash]`,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: NODE_TARGET,
    external: NOT_BUNDLED,
    plugins: [keepModuleUrls(bundleDir, distDir), reuseMicromarkConstructs()],
    // CommonJS packages inside an ES module bundle still call require()
    banner: { js: "import { createRequire as createRequireOfBundle } from 'node:module'; const require = createRequireOfBundle(import.meta.url);" },
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'silent',
  });
}

/** Copy every file under `from` that is not TypeScript, keeping the tree. */
async function copyNonTs(from: string, to: string, skip: (file: string) => boolean): Promise<number> {
  let copied = 0;
  for (const entry of await fs.readdir(from, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || /\.[mc]?ts$/.test(entry.name) || skip(file)) continue;
    await fs.mkdir(path.join(to, path.relative(from, entry.parentPath)), { recursive: true });
    await fs.copyFile(file, path.join(to, path.relative(from, file)));
    copied += 1;
  }
  return copied;
}

/** Build the service into `outDir` (default `dist/`), replacing what was there. */
export async function buildDist(options: { outDir?: string } = {}): Promise<BuildResult> {
  const started = performance.now();
  const outDir = path.resolve(options.outDir ?? path.join(ROOT, 'dist'));
  const tmpDir = `${outDir}.tmp-${process.pid}`;
  await fs.rm(tmpDir, { recursive: true, force: true });
  try {
    const files = await getProjectFiles(path.join(ROOT, 'tsconfig.build.json'));
    await build({
      entryPoints: files,
      outdir: tmpDir,
      outbase: ROOT,
      bundle: true,
      plugins: [keepImports],
      platform: 'node',
      format: 'esm',
      target: NODE_TARGET,
      sourcemap: 'linked',
      sourcesContent: false,
      logLevel: 'silent',
    });
    const entries = await getLaunchedEntries();
    await Promise.all(entries.map((entry) => bundleEntry(entry, tmpDir)));
    const webSrc = path.join(ROOT, 'web', 'src');
    let copied = 0;
    for (const folder of ['src', 'indexer', 'api', 'web', 'samples']) {
      copied += await copyNonTs(path.join(ROOT, folder), path.join(tmpDir, folder), (file) => file.startsWith(webSrc + path.sep));
    }
    await writeWebAssets(await buildWebAssets(), path.join(tmpDir, 'web', 'assets'));
    // what a reindex reads of CC-CEDICT, loaded in half the CPU and memory of the package's data
    const lexicon: CompactLexiconFile = { ccCedictVersion: await getCcCedictVersion(), entries: compactLexicon(await loadCcCedict()) };
    await fs.writeFile(path.join(tmpDir, path.relative(ROOT, COMPACT_LEXICON_FILE)), JSON.stringify(lexicon));
    // dist/ may be run from outside the project (a copy in an image): its modules are ES modules
    await fs.writeFile(path.join(tmpDir, 'package.json'), '{ "type": "module" }\n');
    await fs.writeFile(path.join(tmpDir, 'build-info.json'), `${JSON.stringify({ builtAt: new Date().toISOString(), node: process.version, modules: files.length, bundled: entries }, null, 2)}\n`);
    await fs.rm(outDir, { recursive: true, force: true });
    await fs.rename(tmpDir, outDir);
    return { outDir, modules: files.length, copied, ms: Math.round(performance.now() - started) };
  } catch (error) {
    await fs.rm(tmpDir, { recursive: true, force: true });
    throw error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out-dir');
  if ((outIndex >= 0 && !args[outIndex + 1]) || args.some((arg, i) => arg !== '--out-dir' && i !== outIndex + 1)) {
    process.stderr.write('usage: npm run build [-- --out-dir DIR]\n');
    process.exit(2);
  }
  try {
    const result = await buildDist({ outDir: outIndex >= 0 ? args[outIndex + 1] : undefined });
    // stderr: `npm run extract` builds first and its stdout is the records
    process.stderr.write(`Built ${path.relative(process.cwd(), result.outDir) || '.'}/: ${result.modules} modules, ${result.copied} files copied, page and widget bundled, in ${result.ms} ms\n`);
  } catch (error) {
    process.stderr.write(`Build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
