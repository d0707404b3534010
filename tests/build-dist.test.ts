import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { buildDist, ROOT } from '../scripts/build.ts';
import { BUILT_DIST } from './helpers/launch-entry.ts';
import { startTestMeili, type TestMeili } from './helpers/start-test-meili.ts';
import { findServicePort } from './helpers/find-service-port.ts';

// Inside node_modules/.cache: the build resolves its packages from the project's node_modules
// as dist/ does; a folder under /tmp would find none.
const CACHE = path.join(ROOT, 'node_modules', '.cache');
let outDir: string;
/** True when this file built `outDir` (and deletes it). */
let ownBuild = false;
let meili: TestMeili;

before(async () => {
  meili = await startTestMeili();
  // under npm test, the dist/ the runner has just built with the same buildDist (read only here)
  const built = process.env[BUILT_DIST];
  if (built) {
    outDir = built;
    return;
  }
  await fs.mkdir(CACHE, { recursive: true });
  outDir = path.join(await fs.mkdtemp(path.join(CACHE, 'weekly-faq-build-test-')), 'dist');
  ownBuild = true;
  await buildDist({ outDir });
});
after(async () => {
  await meili?.stop();
  if (ownBuild) await fs.rm(path.dirname(outDir), { recursive: true, force: true });
});

/** Every file under `dir`, relative. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

test('the build has every module compiled with a source map, every data file copied, and the bundles pre-compressed', async () => {
  const built = new Set(await listFiles(outDir));
  for (const folder of ['src', 'indexer', 'api']) {
    for (const file of await listFiles(path.join(ROOT, folder))) {
      const target = path.join(folder, file);
      if (file.endsWith('.d.ts')) continue; // declarations only: nothing runs
      if (file.endsWith('.ts')) {
        assert.ok(built.has(target.replace(/\.ts$/, '.js')) && built.has(target.replace(/\.ts$/, '.js.map')), `${target} compiled with its map`);
      } else {
        assert.ok(built.has(target), `${target} copied (files read at run time sit beside their module)`);
      }
    }
  }
  assert.ok([...built].some((file) => file.startsWith('samples/posts/')), 'the sample posts, indexed when WEEKLY_SOURCE is unset');
  const manifest = JSON.parse(await fs.readFile(path.join(outDir, 'web/assets/manifest.json'), 'utf8')) as Record<string, { name: string; hash: string }>;
  for (const { name, hash } of Object.values(manifest)) {
    const file = `web/assets/${name.replace(/\.(\w+)$/, `.${hash}.$1`)}`;
    for (const suffix of ['', '.br', '.gz']) assert.ok(built.has(file + suffix), `${file}${suffix}`);
  }
  const main = await fs.readFile(path.join(outDir, 'api/main.js'), 'utf8');
  assert.doesNotMatch(main, /from ["']\.[^"']*\.ts["']/, 'relative imports point at .js files');
});

test('the compiled service starts without tsx or esbuild, serves the prebuilt bundles and a search, and stops on SIGTERM', async () => {
  const port = await findServicePort();
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(outDir, 'api/main.js')], {
    env: {
      ...process.env, MEILI_URL: meili.connection.url, MEILI_MASTER_KEY: meili.masterKey, INDEX_NAME: meili.config.indexName, DATA_DIR: meili.dataDir,
      PORT: String(port), REINDEX_CRON: 'off', WEEKLY_SOURCE: '', LOG_LEVEL: 'info', ADMIN_TOKEN: '', NODE_OPTIONS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const listening = await new Promise<Record<string, unknown>>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (entry.msg === 'Listening') resolve(entry);
      });
      void exited.then((code) => reject(new Error(`the compiled service exited (${code}): ${stderr}`)));
    });
    assert.equal(listening.url, `http://localhost:${port}/`, 'the log names the search page');
    const origin = `http://127.0.0.1:${port}`;
    const search = (await (await fetch(`${origin}/api/search?q=jraft`)).json()) as { totalHits: number };
    assert.ok(search.totalHits > 0, 'the sample posts were indexed and are searchable');

    const page = await (await fetch(`${origin}/`)).text();
    const script = /src="(\/assets\/page\.[0-9a-f]{12}\.js)"/.exec(page)?.[1];
    assert.ok(script, page);
    const res = await fetch(`${origin}${script}`, { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(res.headers.get('content-encoding'), 'br');
    assert.match(res.headers.get('cache-control')!, /immutable/);
    assert.equal(await res.text(), await fs.readFile(path.join(outDir, script.slice(1).replace(/^assets/, 'web/assets')), 'utf8'), 'the prebuilt bundle');
    assert.match(await (await fetch(`${origin}/widget.js`)).text(), /WeeklyFaqWidget/);

    // the in-memory bundling (tsx, tests) starts an esbuild service process; the build never does
    const children = await fs.readFile(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').catch(() => '');
    assert.equal(children.trim(), '', 'no child process (no esbuild service; Meilisearch is external here)');

    child.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

test('npm run extract runs one bundled file that writes the same records as the TypeScript extractor', async () => {
  const { scripts } = JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const entry = /launch\.mjs (\S+)\.js/.exec(scripts.extract!)?.[1];
  assert.ok(entry, scripts.extract);
  const bundle = await fs.readFile(path.join(outDir, `${entry}.js`), 'utf8');
  assert.doesNotMatch(bundle, /^import [^;]*from ["']\.\.?\//m, 'no import of another compiled module: one file to load');
  const fixtures = path.join(ROOT, 'tests', 'fixtures', 'posts');
  const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  const compiled = run([path.join(outDir, `${entry}.js`), fixtures]);
  assert.equal(compiled.status, 0, compiled.stderr);
  assert.ok(compiled.stdout.trim().split('\n').length >= 10, compiled.stdout);
  const typescript = run(['--import', 'tsx', path.join(ROOT, `${entry}.ts`), fixtures]);
  assert.equal(typescript.status, 0, typescript.stderr);
  assert.equal(compiled.stdout, typescript.stdout);
});
