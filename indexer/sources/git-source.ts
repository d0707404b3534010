import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import { GitSourceError } from '../../src/errors/git-source-error.ts';
import { redactUrlCredentials } from '../../src/redact-url-credentials.ts';

const URL_FORM = /^(?:https?|git|ssh|file):\/\//i;
const SCP_FORM = /^[\w.-]+@[\w.-]+:(?!\/\/)/; // git@github.com:owner/repo.git

/** True for a folder that is a bare git repository (HEAD, objects/ and refs/, no working tree). */
function isBareRepository(dir: string): boolean {
  try {
    return statSync(dir).isDirectory() && existsSync(path.join(dir, 'HEAD')) && existsSync(path.join(dir, 'objects')) && existsSync(path.join(dir, 'refs')) && !existsSync(path.join(dir, '.git'));
  } catch {
    return false;
  }
}

/**
 * True when `source` names a git repository to clone: an http(s)/git/ssh/file URL,
 * `user@host:path`, or a local bare repository. A plain folder (even a checkout) is not:
 * it is read as it is.
 */
export function isGitSource(source: string): boolean {
  return URL_FORM.test(source) || SCP_FORM.test(source) || isBareRepository(source);
}

/**
 * The child-process error as a cause that is safe to log: its message, stack and `cmd` hold the
 * command line, URL and credentials included, so only redacted copies are kept, with the exit
 * code and signal. The raw error never leaves this module (the logger prints a cause in full).
 */
function redactChildError(error: Error & { code?: unknown; signal?: unknown; killed?: unknown; cmd?: unknown }): Error {
  const safe = new Error(redactUrlCredentials(error.message));
  safe.name = error.name;
  safe.stack = error.stack === undefined ? undefined : redactUrlCredentials(error.stack);
  return Object.assign(safe, {
    code: error.code,
    signal: error.signal ?? undefined,
    killed: error.killed,
    cmd: typeof error.cmd === 'string' ? redactUrlCredentials(error.cmd) : undefined,
  });
}

/** Run git; rejects with GitSourceError (credentials redacted) on failure. */
function git(args: string[], options: { cwd?: string; timeoutMs: number; operation: string; source: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, {
      cwd: options.cwd,
      timeout: options.timeoutMs,
      maxBuffer: 16 * 1024 * 1024,
      // never wait for a password prompt; never read the user's git config for hooks etc.
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', SSH_ASKPASS: '', GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes' },
    }, (error, stdout, stderr) => {
      if (error) reject(new GitSourceError(options.operation, redactUrlCredentials(options.source), redactUrlCredentials(String(stderr || error.message)), { cause: redactChildError(error) }));
      else resolve(String(stdout).trim());
    });
  });
}

/** Folder name for a clone: the repository name plus a hash of the URL (two sources never share a folder). */
export function getCloneDirName(url: string): string {
  const name = path.basename(url.replace(/[#?].*$/, '').replace(/\/+$/, '')).replace(/\.git$/i, '').replace(/[^A-Za-z0-9._-]/g, '_') || 'source';
  return `${name}-${createHash('sha256').update(url).digest('hex').slice(0, 8)}`;
}

export interface GitSourceOptions {
  /** Git URL, `file://` URL or path of a bare repository. */
  source: string;
  /** Clones go to `<dataDir>/sources/<name>-<hash>`. */
  dataDir: string;
  logger: Logger;
  /** Limit for each git command in ms (default: 5 minutes). */
  timeoutMs?: number;
}

export interface PreparedGitSource {
  /** Folder with the checked-out files. */
  path: string;
  /** Commit checked out. */
  commit: string;
  /** True when this call made the clone. */
  cloned: boolean;
}

/**
 * Bring the local copy of a git source up to date and return its folder: a shallow clone
 * on first use, then before each reindex a shallow fetch of the remote's HEAD followed by
 * `reset --hard` and `clean` (unlike `pull --ff-only` this also follows a rewritten history,
 * and the folder always matches the remote exactly). A folder that is not a clone of the same
 * URL, or whose update fails (a lock file left by a git that was killed, a damaged clone), is
 * replaced by a fresh clone once that clone succeeded.
 *
 * @throws {GitSourceError} when a git command fails (credentials in the URL are redacted).
 */
export async function prepareGitSource(options: GitSourceOptions): Promise<PreparedGitSource> {
  const { dataDir, logger } = options;
  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  // A local bare repository is cloned through file:// so that --depth applies.
  const url = !URL_FORM.test(options.source) && !SCP_FORM.test(options.source) ? pathToFileURL(path.resolve(options.source)).href : options.source;
  const shown = redactUrlCredentials(url);
  const dir = path.join(dataDir, 'sources', getCloneDirName(url));
  const run = (args: string[], operation: string, cwd?: string) => git(args, { cwd, timeoutMs, operation, source: url });

  let current: string | null = null;
  if (existsSync(path.join(dir, '.git'))) current = await run(['remote', 'get-url', 'origin'], 'git remote get-url', dir).catch(() => null);
  if (current === url) {
    logger.info({ source: shown, dir }, 'Updating the git source');
    try {
      await run(['fetch', '--depth', '1', '--no-tags', '--quiet', 'origin', 'HEAD'], 'git fetch', dir);
      await run(['reset', '--hard', '--quiet', 'FETCH_HEAD'], 'git reset', dir);
      await run(['clean', '-ffdx', '--quiet'], 'git clean', dir);
      const commit = await run(['rev-parse', 'HEAD'], 'git rev-parse', dir);
      logger.info({ source: shown, commit }, 'Git source up to date');
      return { path: dir, commit, cloned: false };
    } catch (error) {
      // The clone is ours alone: a git killed mid-update (SIGKILL, OOM, a container restart) leaves
      // .git/index.lock or shallow.lock behind, and a damaged clone fails every later update. A fresh
      // clone replaces it, and only once it succeeded: an unreachable remote keeps the old copy.
      logger.warn({ source: shown, dir, err: error }, `Updating the git source failed (${(error as Error).message}): cloning it again`);
    }
  }

  logger.info({ source: shown, dir }, 'Cloning the git source (shallow)');
  await fs.mkdir(path.dirname(dir), { recursive: true });
  const tmp = `${dir}.clone-${process.pid}-${Date.now()}`;
  try {
    await run(['clone', '--depth', '1', '--single-branch', '--no-tags', '--quiet', url, tmp], 'git clone');
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rename(tmp, dir);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  const commit = await run(['rev-parse', 'HEAD'], 'git rev-parse', dir);
  logger.info({ source: shown, commit }, 'Git source cloned');
  return { path: dir, commit, cloned: true };
}
