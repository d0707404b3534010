// npm run index -- [<path or git URL>...] [--force]
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../../src/config.ts';
import { ConfigError } from '../../src/errors/config-error.ts';
import { installShutdownHooks } from '../../src/install-shutdown-hooks.ts';
import { createLogger } from '../../src/logger.ts';
import { connectMeili } from '../../src/meili/connect-meili.ts';
import { createProgressReporter } from './create-progress-reporter.ts';
import { getJobSources } from '../../src/source-config.ts';
import { createReindexJob } from '../load/create-reindex-job.ts';
import { formatReindexReport } from '../load/format-reindex-report.ts';
import { isGitSource } from '../sources/git-source.ts';

const USAGE = `Usage: npm run index -- [<path or git URL>...] [--force]

Rebuild the search index from the content sources (weekly posts, FAQ pages): extract,
load into a fresh index, check, swap. Sources are docs-site checkouts: folders or files,
git URLs, file:// URLs or bare repositories (default: SOURCES, else WEEKLY_SOURCE).
Skipped when the sources have not changed since the last successful run.

Options:
  --force     rebuild even when unchanged, and swap even when the index would lose
              more than 10% of its documents
  -h, --help  show this help

Exit status: 0 done or skipped, 1 the reindex failed (the live index is unchanged),
2 bad arguments or configuration.`;

/** The settings this CLI uses: only these are validated (a bad PORT or CORS_ORIGINS is the service's business). */
const INDEX_CLI_SETTINGS = ['meiliUrl', 'meiliMasterKey', 'meiliReplicas', 'meiliBin', 'dataDir', 'sources', 'weeklySource', 'indexName', 'publicBaseUrl', 'logLevel'] as const satisfies readonly (keyof Config)[];

function usageError(message: string): number {
  process.stderr.write(`index: ${message}\n\n${USAGE}\n`);
  return 2;
}

/** Run the CLI; resolves with the exit status. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } }, allowPositionals: true, strict: true });
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let config: Pick<Config, (typeof INDEX_CLI_SETTINGS)[number]>;
  try {
    config = loadConfig(env, INDEX_CLI_SETTINGS);
  } catch (error) {
    if (error instanceof ConfigError) return usageError(error.message);
    throw error;
  }
  const sources = getJobSources(config, args.positionals).map((source) => source.root);
  if (!sources.length) return usageError('no source: give a path or git URL, or set SOURCES or WEEKLY_SOURCE');
  const missing = [...new Set(sources)].filter((s) => !isGitSource(s) && !existsSync(s));
  if (missing.length) return usageError(`source not found: ${missing.join(', ')}`);

  const tty = process.stderr.isTTY === true;
  // On a terminal the progress bar and the final summary tell the story: only warnings unless LOG_LEVEL says otherwise.
  const logger = createLogger({ level: env.LOG_LEVEL ? config.logLevel : tty ? 'warn' : config.logLevel, fd: 2 });
  let connection;
  try {
    connection = await connectMeili(config, logger);
  } catch (error) {
    logger.error({ err: error }, 'Cannot reach Meilisearch');
    return 1;
  }
  const stopMeili = connection.stop;
  const removeHooks = installShutdownHooks({ logger, cleanup: stopMeili });
  const progress = createProgressReporter({ logger, tty });
  try {
    const job = createReindexJob({ config, connection, logger });
    const report = await job({ sources: args.positionals, force: args.values.force, onProgress: progress.onProgress });
    progress.stop();
    if (process.stdout.isTTY) process.stdout.write(`${formatReindexReport(report)}\n`);
    else process.stdout.write(`${JSON.stringify(report)}\n`);
    return report.outcome === 'failed' ? 1 : 0;
  } finally {
    progress.stop();
    removeHooks();
    await stopMeili();
  }
}

process.exitCode = await main(process.argv.slice(2));
