import type { ContentSource } from '../sources/content-source.ts';
import type { FoundFile } from '../sources/discover-files.ts';
import type { PostResult } from './post-result.ts';

/** What extraction needs of a found file: where it is, and its path under the root (what sources match on). */
export type FileToExtract = Pick<FoundFile, 'path' | 'source'>;

/** Turns one file's text into its result: in this thread, or on a worker thread (`create-thread-extractor.ts`). */
export type FileExtractor = (text: string, file: FileToExtract) => PostResult | Promise<PostResult>;

const SKIPPED = (file: FileToExtract): PostResult => ({ path: file.path, source: file.source, status: 'skipped', kind: null, title: null, date: null, records: [], messages: [] });

/** One file through the sources: the first matching one that does not skip it reads it. Pure. */
export function extractFile(sources: readonly ContentSource[], text: string, file: FileToExtract): PostResult {
  let skipped: PostResult | null = null;
  for (const contentSource of sources) {
    if (!contentSource.matches(file.source)) continue;
    const result = contentSource.extract(text, file.source, file.path);
    if (result.status !== 'skipped') return result;
    skipped ??= result;
  }
  return skipped ?? SKIPPED(file);
}
