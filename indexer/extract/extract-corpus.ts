import { promises as fs } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import pLimit from 'p-limit';
import { discoverFiles, type DiscoveryProblem } from '../sources/discover-files.ts';
import { extractPost, type ExtractPostOptions } from '../sources/weekly/extract-post.ts';
import type { PostResult } from './post-result.ts';

export type { PostMessage, PostResult } from './post-result.ts';

export interface ExtractOptions extends ExtractPostOptions {
  /** Files larger than this are reported and not read (default: 5 MiB; the largest real post is ~60 KB). */
  maxFileBytes?: number;
  /**
   * How a file is read (default: `fs.readFile`, its bytes); a seam for virtual trees and fault tests.
   * Bytes that are not valid UTF-8 make the file a `binary-file`; a string is taken as it is.
   */
  readFile?: (path: string) => Promise<string | Buffer>;
}

const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Files read at once, and how far reading runs ahead of extraction (bounded: memory stays flat on big trees). */
const READ_CONCURRENCY = 8;
const READ_AHEAD = 32;

type ReadOutcome = { ok: true; content: string | Buffer } | { ok: false; ruleId: string; reason: string };

function failed(path: string, source: string, ruleId: string, reason: string): PostResult {
  return { path, source, status: 'failed', title: null, date: null, records: [], messages: [{ ruleId, reason }] };
}

function problemResult(problem: DiscoveryProblem): PostResult {
  return failed(problem.path, problem.path, problem.ruleId, problem.reason);
}

/**
 * Find every weekly post under `paths` (folders or files) and extract its Q/A pairs,
 * one result per file found (and one per problem met while walking the tree).
 * Never throws for a bad post; throws `PathNotFoundError` for a path that does not exist.
 */
export async function* extractCorpus(paths: string[], options: ExtractOptions = {}): AsyncGenerator<PostResult> {
  const problems: DiscoveryProblem[] = [];
  const files = await discoverFiles(paths, (problem) => problems.push(problem));
  yield* problems.map(problemResult);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const read = options.readFile ?? ((filePath: string) => fs.readFile(filePath));
  const limit = pLimit(READ_CONCURRENCY);
  // Reads run concurrently a bounded distance ahead; results are still yielded in discovery order.
  const reads: Promise<ReadOutcome>[] = [];
  const startRead = (index: number): void => {
    const file = files[index];
    if (!file || reads[index]) return;
    reads[index] = file.size > maxBytes
      ? Promise.resolve({ ok: false, ruleId: 'file-too-large', reason: `file is ${(file.size / 1048576).toFixed(1)} MiB, over the ${(maxBytes / 1048576).toFixed(0)} MiB limit; not read` })
      : limit(() => read(file.path)).then(
          (content): ReadOutcome => ({ ok: true, content }),
          (error: unknown): ReadOutcome => ({ ok: false, ruleId: 'unreadable-file', reason: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }),
        );
  };
  for (const [index, file] of files.entries()) {
    for (let ahead = index; ahead < Math.min(files.length, index + READ_AHEAD); ahead += 1) startRead(ahead);
    const outcome = await reads[index];
    delete reads[index];
    if (!outcome) continue;
    if (!outcome.ok) {
      yield failed(file.path, file.source, outcome.ruleId, outcome.reason);
      continue;
    }
    const content = outcome.content;
    if (typeof content !== 'string' && !isUtf8(content)) {
      yield failed(file.path, file.source, 'binary-file', 'not a text file (invalid UTF-8)');
      continue;
    }
    yield extractPost(typeof content === 'string' ? content : content.toString('utf8'), file.source, file.path, options);
  }
}
