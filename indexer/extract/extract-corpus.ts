import { promises as fs } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import pLimit from 'p-limit';
import { discoverFiles, type DiscoveryProblem } from '../sources/discover-files.ts';
import type { ContentSource } from '../sources/content-source.ts';
import { createWeeklySource } from '../sources/weekly/create-weekly-source.ts';
import type { ExtractPostOptions } from '../sources/weekly/extract-post.ts';
import { extractFile, type FileExtractor } from './extract-file.ts';
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
  /**
   * The content sources to read with (default: the weekly posts alone, with this object's
   * weekly options). A file goes to the first source that matches it and does not skip it.
   */
  sources?: readonly ContentSource[];
  /**
   * How a file's text becomes its result (default: `extractFile` with `sources`, in this thread);
   * `createThreadExtractor` runs it on worker threads. Results are yielded in discovery order either way.
   */
  extract?: FileExtractor;
}

const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Files read at once, and how far reading and extracting run ahead of what is yielded (bounded: memory stays flat on big trees). */
const READ_CONCURRENCY = 8;
const READ_AHEAD = 32;

function failed(path: string, source: string, ruleId: string, reason: string): PostResult {
  return { path, source, status: 'failed', kind: null, title: null, date: null, records: [], messages: [{ ruleId, reason }] };
}

function problemResult(problem: DiscoveryProblem): PostResult {
  return failed(problem.path, problem.path, problem.ruleId, problem.reason);
}

/**
 * Find every file of the content sources under `paths` (folders or files) and extract its records,
 * one result per file found (and one per problem met while walking the tree).
 * Never throws for a bad post; throws `PathNotFoundError` for a path that does not exist.
 */
export async function* extractCorpus(paths: string[], options: ExtractOptions = {}): AsyncGenerator<PostResult> {
  const problems: DiscoveryProblem[] = [];
  const files = await discoverFiles(paths, (problem) => problems.push(problem));
  yield* problems.map(problemResult);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const read = options.readFile ?? ((filePath: string) => fs.readFile(filePath));
  const sources = options.sources ?? [createWeeklySource(options)];
  const extract = options.extract ?? ((text, file) => extractFile(sources, text, file));
  const limit = pLimit(READ_CONCURRENCY);
  // Each file is read and extracted a bounded distance ahead (concurrently when `extract` runs on
  // threads); results are still yielded in discovery order.
  const results: Promise<PostResult>[] = [];
  const start = (index: number): void => {
    const file = files[index];
    if (!file || results[index]) return;
    if (file.size > maxBytes) {
      results[index] = Promise.resolve(failed(file.path, file.source, 'file-too-large', `file is ${(file.size / 1048576).toFixed(1)} MiB, over the ${(maxBytes / 1048576).toFixed(0)} MiB limit; not read`));
      return;
    }
    results[index] = limit(() => read(file.path)).then(
      (content) => {
        if (typeof content !== 'string' && !isUtf8(content)) return failed(file.path, file.source, 'binary-file', 'not a text file (invalid UTF-8)');
        return extract(typeof content === 'string' ? content : content.toString('utf8'), file);
      },
      (error: unknown) => failed(file.path, file.source, 'unreadable-file', `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`),
    );
    // An extraction that throws (a bug, not a bad post) surfaces when its turn to be yielded comes,
    // not as an unhandled rejection if the caller stops before then.
    results[index].catch(() => undefined);
  };
  for (let index = 0; index < files.length; index += 1) {
    for (let ahead = index; ahead < Math.min(files.length, index + READ_AHEAD); ahead += 1) start(ahead);
    const result = results[index]!;
    delete results[index];
    yield await result;
  }
}
