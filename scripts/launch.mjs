// `npm start`, `npm run extract`, `npm run index`: run a compiled entry of dist/ in THIS process
// (`node scripts/launch.mjs api/main.js [args]`), building dist/ first when it is missing or older
// than the sources, so `npm install && npm start` works on a fresh clone. One node process: a
// SIGTERM sent to it (or forwarded by npm) reaches the service's own handlers, and no tsx or
// esbuild is loaded. Plain JavaScript: it must run before anything is compiled, and in an image
// that has dist/ but neither the sources nor the devDependencies.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const BUILD_INFO = path.join(DIST, 'build-info.json');
/** What the build reads: a newer file here makes dist/ stale. */
const SOURCES = ['src', 'indexer', 'api', 'web', 'samples', 'scripts/build.ts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

/** Newest modification time under `file` (0 when it does not exist). */
function getNewestMtime(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(file)) newest = Math.max(newest, getNewestMtime(path.join(file, name)));
  return newest;
}

/** Why dist/ must be built, or null when it is up to date (an image without sources never is stale). */
function getStaleReason() {
  if (!fs.existsSync(BUILD_INFO)) return 'dist/ is missing';
  const built = fs.statSync(BUILD_INFO).mtimeMs;
  const changed = SOURCES.find((source) => getNewestMtime(path.join(ROOT, source)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/launch.mjs <entry in dist/, e.g. api/main.js> [args...] | --build\n');
  process.exit(2);
}

const stale = getStaleReason();
if (stale) {
  const canBuild = fs.existsSync(path.join(ROOT, 'node_modules', 'tsx')) && fs.existsSync(path.join(ROOT, 'node_modules', 'esbuild'));
  if (!canBuild && stale === 'dist/ is missing') {
    process.stderr.write('dist/ is missing and the build needs the devDependencies: run `npm install` (or `npm ci`), then `npm run build`\n');
    process.exit(1);
  }
  if (canBuild) {
    process.stderr.write(`Building (${stale})...\n`);
    // stdout to stderr too: `npm run --silent extract > records.jsonl` keeps only records on stdout
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'build.ts')], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    if (result.status !== 0) process.exit(result.status ?? 1);
  } else {
    process.stderr.write(`Warning: ${stale}, and the devDependencies to rebuild it are not installed: running the existing build\n`);
  }
}

// `--build`: only bring dist/ up to date (the test runner, before processes that launch entries run at once)
if (entry === '--build') process.exit(0);

const file = path.join(DIST, entry);
if (!fs.existsSync(file)) {
  process.stderr.write(`No ${path.relative(ROOT, file)} in the build\n`);
  process.exit(2);
}
// stack traces name the TypeScript sources (the build writes linked source maps)
process.setSourceMapsEnabled(true);
// the entry sees the command line it would see as `node dist/<entry> args...`
process.argv = [process.argv[0], file, ...args];
await import(pathToFileURL(file).href);
