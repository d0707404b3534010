import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import { ReindexSourceError } from '../../src/errors/reindex-errors.ts';
import { redactUrlCredentials } from '../../src/redact-url-credentials.ts';
import { isGitSource } from '../sources/git-source.ts';

/** Folders never part of a source. */
const IGNORED_DIRS = new Set(['.git', 'node_modules']);

export interface SourceFingerprint {
  /** sha256 (hex) over every file's relative path and content, in path order, plus `extra`. */
  fingerprint: string;
  /** Files hashed. */
  files: number;
  /** Of which Markdown files (an estimate of the posts the extractor will read, for progress). */
  markdownFiles: number;
}

async function listFiles(root: string): Promise<string[]> {
  const stat = await fs.stat(root).catch((error: unknown) => {
    throw new ReindexSourceError(root, { cause: error });
  });
  if (stat.isFile()) return [root];
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!IGNORED_DIRS.has(entry.name)) await walk(full);
      } else if (entry.isFile()) {
        files.push(full);
      }
    }
  };
  await walk(root);
  return files;
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Fingerprint of a reindex input: the content of every file under `paths` (relative paths,
 * so the same corpus in another folder gives the same fingerprint; `.git` ignored) plus
 * `extra` (e.g. the index settings, so a settings change also triggers a rebuild).
 *
 * @throws {ReindexSourceError} when a path does not exist.
 */
export async function getSourceFingerprint(paths: string[], extra = ''): Promise<SourceFingerprint> {
  const roots = paths.map((p) => path.resolve(p));
  const limit = pLimit(8);
  const top = createHash('sha256');
  top.update(`extra\0${extra}\n`);
  let files = 0;
  let markdownFiles = 0;
  for (const [i, root] of roots.entries()) {
    const list = (await listFiles(root))
      .map((file) => ({ file, rel: path.relative(root, file).split(path.sep).join('/') || path.basename(file) }))
      .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    const hashes = await Promise.all(list.map(({ file }) => limit(() => hashFile(file))));
    list.forEach(({ rel }, j) => top.update(`${i}\0${rel}\0${hashes[j]}\n`));
    files += list.length;
    markdownFiles += list.filter(({ rel }) => /\.(md|markdown)$/i.test(rel)).length;
  }
  return { fingerprint: top.digest('hex'), files, markdownFiles };
}

/**
 * What a list of sources *is*, independent of its contents: absolute paths for folders and
 * files, git URLs with credentials redacted. Part of the fingerprint (pointing WEEKLY_SOURCE
 * elsewhere is a change even when the new place is a copy) and kept in the reindex state, so
 * the service sees at start that its source changed.
 */
export function getSourceIdentity(sources: readonly string[]): string[] {
  return sources.map((source) => (isGitSource(source) ? redactUrlCredentials(source) : path.resolve(source)));
}
