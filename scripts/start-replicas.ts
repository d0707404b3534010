// Three (--replicas N) embedded Meilisearch replicas on loopback ports, each with its own data
// directory and one master key, behind HAProxy (Debian package `haproxy`), the topology of
// docker-compose.yml's `replicas` profile on one machine. Prints the URLs and the environment
// for the service, then runs until Ctrl-C and stops everything. Tests and bench/ import
// `startReplicas`.
//
//   node --import tsx scripts/start-replicas.ts [--replicas 3] [--dir /tmp/replicas]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getSearchKeyValue } from '../src/meili/ensure-api-keys.ts';
import { findFreePort } from '../src/meili/find-free-port.ts';
import { resolveMeiliBinary } from '../src/meili/resolve-meili-binary.ts';
import { waitForHealth } from '../src/meili/wait-for-health.ts';

export interface Replica {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** The running process, null after `kill` until `start`. */
  readonly process: ChildProcess | null;
  /** Start (again) on the same port and data directory; resolves once /health answers. */
  start(): Promise<void>;
  /** Send `signal` (default SIGKILL) and wait for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface ReplicaSet {
  replicas: Replica[];
  /** URL of HAProxy, null when started without it. */
  lbUrl: string | null;
  masterKey: string;
  /** HAProxy's view of each replica (`meili1`: `UP`, `DOWN`, ...); empty without HAProxy. */
  serverStates(): Promise<Record<string, string>>;
  /** A command on HAProxy's runtime API, e.g. `set server replicas/meili2 state maint`. */
  haproxyCommand(command: string): Promise<string>;
  /** Stop HAProxy and every replica; deletes the directory unless it was given. */
  stop(): Promise<void>;
}

/** Path of the `haproxy` binary, or null when it is not installed. */
export function findHaproxy(): string | null {
  for (const candidate of ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy', '/usr/bin/haproxy']) {
    if (spawnSync(candidate, ['-v']).status === 0) return candidate;
  }
  const which = spawnSync('sh', ['-c', 'command -v haproxy'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

/**
 * The HAProxy configuration of deploy/haproxy.cfg for servers at `servers` (host:port), on
 * `port` of loopback. Same checks, retries and timeouts.
 */
export function renderHaproxyConfig(options: { port: number; servers: string[]; statsSocket?: string; check?: { indexName: string; searchKey: string } }): string {
  // With `check`, a replica is in rotation only when it holds the live index and the search key:
  // one restarted empty stays out until the reindex has rebuilt it.
  const check = options.check
    ? ['    option httpchk', `    http-check send meth GET uri /indexes/${options.check.indexName}/stats hdr Authorization "Bearer ${options.check.searchKey}"`]
    : ['    option httpchk GET /health'];
  return [
    'global',
    '    maxconn 4096',
    ...(options.statsSocket ? [`    stats socket ${options.statsSocket} mode 600 level admin`] : []),
    'defaults',
    '    mode http',
    '    timeout connect 2s',
    '    timeout client 30s',
    '    timeout server 30s',
    '    timeout http-request 10s',
    '    timeout http-keep-alive 10s',
    '    timeout check 2s',
    '    retries 3',
    '    retry-on all-retryable-errors',
    '    option redispatch 1',
    'frontend meilisearch',
    `    bind 127.0.0.1:${options.port}`,
    '    default_backend replicas',
    'backend replicas',
    '    balance roundrobin',
    ...check,
    '    http-check expect status 200',
    '    default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions',
    ...options.servers.map((server, i) => `    server meili${i + 1} ${server} check`),
    '',
  ].join('\n');
}

async function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => child.once('exit', () => resolve()));
}

/** One command on HAProxy's runtime API (its stats socket); resolves with the answer. */
async function runHaproxyCommand(socket: string, command: string): Promise<string> {
  return await new Promise<string>((resolve, reject) => {
    let out = '';
    const conn = net.connect(socket, () => conn.end(`${command}\n`));
    conn.setEncoding('utf8').on('data', (chunk: string) => (out += chunk)).once('end', () => resolve(out)).once('error', reject);
  });
}

/** `show stat` on HAProxy's stats socket: server name -> status. */
async function getServerStates(socket: string): Promise<Record<string, string>> {
  const csv = await runHaproxyCommand(socket, 'show stat');
  const [header = '', ...rows] = csv.replace(/^# /, '').trim().split('\n');
  const columns = header.split(',');
  const name = columns.indexOf('svname');
  const status = columns.indexOf('status');
  const states: Record<string, string> = {};
  for (const row of rows) {
    const cells = row.split(',');
    const server = cells[name] ?? '';
    if (server && server !== 'FRONTEND' && server !== 'BACKEND') states[server] = cells[status] ?? '';
  }
  return states;
}

async function waitForAnswer(url: string, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !signal.aborted) {
    try {
      await (await fetch(url, { signal: AbortSignal.timeout(2_000) })).arrayBuffer();
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return false;
}

function createReplica(binary: string, port: number, dataDir: string, masterKey: string): Replica {
  let child: ChildProcess | null = null;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    dataDir,
    get process() {
      return child;
    },
    async start() {
      await fs.mkdir(dataDir, { recursive: true });
      const log = await fs.open(path.join(dataDir, 'meili.log'), 'a');
      child = spawn(binary, [
        '--db-path', path.join(dataDir, 'db'),
        '--http-addr', `127.0.0.1:${port}`,
        `--master-key=${masterKey}`,
        '--env', 'production',
        '--no-analytics',
        '--log-level', 'WARN',
        '--max-indexing-memory', '256Mb',
        '--max-indexing-threads', '1',
      ], { stdio: ['ignore', log.fd, log.fd] });
      await log.close();
      const exited = new AbortController();
      child.once('exit', () => exited.abort());
      if (!(await waitForHealth(url, { timeoutMs: 120_000, intervalMs: 100, signal: exited.signal }))) {
        throw new Error(`Meilisearch replica on ${url} did not become healthy (see ${path.join(dataDir, 'meili.log')})`);
      }
    },
    async kill(signal = 'SIGKILL') {
      const current = child;
      if (!current) return;
      current.kill(signal);
      await waitForExit(current);
      child = null;
    },
  };
}

/**
 * Start `count` Meilisearch replicas (own data dir each, one master key) and, when
 * `haproxy` is true (default) and installed, HAProxy in front of them on a free loopback port.
 */
export async function startReplicas(options: { count?: number; dir?: string; masterKey?: string; haproxy?: boolean; checkIndex?: string } = {}): Promise<ReplicaSet> {
  const count = options.count ?? 3;
  const dir = options.dir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'weekly-faq-replicas-')));
  const masterKey = options.masterKey ?? randomBytes(24).toString('hex');
  const binary = await resolveMeiliBinary({ dataDir: dir });
  const replicas: Replica[] = [];
  let lb: ChildProcess | null = null;
  let statsSocket: string | null = null;
  const stop = async () => {
    if (lb) {
      lb.kill('SIGTERM');
      await waitForExit(lb);
    }
    await Promise.all(replicas.map((r) => r.kill('SIGTERM')));
    if (!options.dir) await fs.rm(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < count; i++) replicas.push(createReplica(binary, await findFreePort(), path.join(dir, `meili${i + 1}`), masterKey));
    await Promise.all(replicas.map((r) => r.start()));
    let lbUrl: string | null = null;
    const haproxy = options.haproxy === false ? null : findHaproxy();
    if (options.haproxy && !haproxy) throw new Error('haproxy is not installed (apt-get install haproxy)');
    if (haproxy) {
      const port = await findFreePort();
      const file = path.join(dir, 'haproxy.cfg');
      statsSocket = path.join(dir, 'haproxy.sock');
      const check = options.checkIndex ? { indexName: options.checkIndex, searchKey: getSearchKeyValue(masterKey, options.checkIndex) } : undefined;
      await fs.writeFile(file, renderHaproxyConfig({ port, servers: replicas.map((r) => `127.0.0.1:${r.port}`), check, statsSocket }));
      const log = await fs.open(path.join(dir, 'haproxy.log'), 'a');
      // -db: stay in the foreground, so the process is ours to stop
      lb = spawn(haproxy, ['-db', '-f', file], { stdio: ['ignore', log.fd, log.fd] });
      await log.close();
      lbUrl = `http://127.0.0.1:${port}`;
      const exited = new AbortController();
      lb.once('exit', () => exited.abort());
      // any answer will do: with `checkIndex` no replica is in rotation before the first reindex (503)
      if (!(await waitForAnswer(lbUrl, 30_000, exited.signal))) throw new Error(`HAProxy on ${lbUrl} did not answer (see ${path.join(dir, 'haproxy.log')})`);
      // and the replicas' first health checks, so that a search right after this finds them up
      if (!options.checkIndex && !(await waitForHealth(lbUrl, { timeoutMs: 30_000, intervalMs: 100, signal: exited.signal }))) {
        throw new Error(`HAProxy on ${lbUrl} sees no healthy replica (see ${path.join(dir, 'haproxy.log')})`);
      }
    }
    return { replicas, lbUrl, masterKey, stop, serverStates: () => (statsSocket ? getServerStates(statsSocket) : Promise.resolve({})),
      haproxyCommand: (command) => (statsSocket ? runHaproxyCommand(statsSocket, command) : Promise.reject(new Error('no HAProxy'))) };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { replicas: { type: 'string', default: '3' }, dir: { type: 'string' } } });
  const set = await startReplicas({ count: Number(values.replicas), dir: values.dir ? path.resolve(values.dir) : undefined, haproxy: true });
  process.stdout.write([
    `Replicas: ${set.replicas.map((r) => r.url).join(' ')}`,
    `HAProxy:  ${set.lbUrl}`,
    'Service environment:',
    `  MEILI_URL=${set.lbUrl} MEILI_REPLICAS=${set.replicas.map((r) => r.url).join(',')} MEILI_MASTER_KEY=${set.masterKey}`,
    'Ctrl-C stops everything.',
    '',
  ].join('\n'));
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void set.stop().then(() => process.exit(0));
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
