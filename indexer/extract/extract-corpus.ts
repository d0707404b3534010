import { readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import pLimit from 'p-limit';
import { discoverFiles, type DiscoveryProblem } from '../sources/discover-files.ts';
import type { ContentSource } from '../sources/content-source.ts';
import { createWeeklySource } from '../sources/weekly/create-weekly-source.ts';
import type { ExtractPostOptions } from '../sources/weekly/extract-post.ts';
import type { PostResult } from './post-result.ts';
import { describeNonUtf8 } from './describe-non-utf8.ts';

export type { PostMessage, PostResult } from './post-result.ts';

export interface ExtractOptions extends ExtractPostOptions {
  /** Files larger than this are reported and not read (default: 5 MiB; the largest real post is ~60 KB). */
  maxFileBytes?: number;
  /**
   * How a file is read (default: `readFileSync`, its bytes); a seam for virtual trees and fault tests.
   * Bytes that are not valid UTF-8 make the file a `binary-file`; a string is taken as it is.
   */
  readFile?: (path: string) => Promise<string | Buffer>;
  /**
   * The content sources to read with (default: the weekly posts alone, with this object's
   * weekly options). A file goes to the first source that matches it and does not skip it.
   */
  sources?: readonly ContentSource[];
}

const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Files read at once, and how far reading runs ahead of extraction (bounded: memory stays flat on big trees). */
const READ_CONCURRENCY = 8;
const READ_AHEAD = 32;

type ReadOutcome = { ok: true; content: string | Buffer } | { ok: false; ruleId: string; reason: string };

function failed(path: string, source: string, ruleId: string, reason: string): PostResult {
  return { path, source, status: 'failed', kind: null, title: null, date: null, records: [], messages: [{ ruleId, reason }] };
}

const SKIPPED = (path: string, source: string): PostResult => ({ path, source, status: 'skipped', kind: null, title: null, date: null, records: [], messages: [] });

/**
 * Bytes of a file decoded first, for `ContentSource.rejectsHead`: 82% of the docs site's bytes are
 * posts that are no weekly, and decoding them whole was 5% of an extraction's instructions.
 */
const HEAD_BYTES = 8192;

/** The head `rejectsHead` is asked about, or null when the file must be seen whole (see there). */
function getHead(content: string | Buffer): string | null {
  if (typeof content === 'string' || content.length <= HEAD_BYTES || content.includes(0)) return null;
  const decoded = content.toString('utf8', 0, HEAD_BYTES);
  // whole lines only: the last one may be cut (a multi-byte character too)
  const head = decoded.slice(0, decoded.lastIndexOf('\n') + 1);
  return head.trim() === '' ? null : head;
}

/** One file through the sources: the first matching one that does not skip it reads it. */
function extractFile(sources: readonly ContentSource[], content: string | Buffer, file: { path: string; source: string }): PostResult {
  let skipped: PostResult | null = null;
  let head: string | null | undefined;
  let text: string | undefined;
  for (const contentSource of sources) {
    if (!contentSource.matches(file.source)) continue;
    if (contentSource.rejectsHead) {
      head = head === undefined ? getHead(content) : head;
      if (head !== null && contentSource.rejectsHead(head, file.source)) {
        skipped ??= SKIPPED(file.path, file.source);
        continue;
      }
    }
    text ??= typeof content === 'string' ? content : content.toString('utf8');
    const result = contentSource.extract(text, file.source, file.path);
    if (result.status !== 'skipped') return result;
    skipped ??= result;
  }
  return skipped ?? SKIPPED(file.path, file.source);
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
  // A synchronous read of one post costs ~40 µs against ~200 µs of promise plumbing for
  // `fs.promises.readFile` (the event loop is held no longer than extracting that post holds it).
  const read = options.readFile ?? (async (filePath: string) => readFileSync(filePath));
  const sources = options.sources ?? [createWeeklySource(options)];
  const limit = pLimit(READ_CONCURRENCY);
  // Reads start a bounded distance ahead, so a `readFile` that waits (a remote tree, the tests'
  // slow reads) overlaps with extraction; results are still yielded in discovery order.
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
      yield failed(file.path, file.source, 'binary-file', describeNonUtf8(content));
      continue;
    }
    yield extractFile(sources, content, file);
  }
}
