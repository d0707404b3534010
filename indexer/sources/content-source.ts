import type { RecordKind } from '../../src/qa-record.ts';
import type { PostResult } from '../extract/post-result.ts';

/**
 * One kind of content the indexer reads (weekly posts, FAQ pages...): which files under a root
 * are its own, and how one file becomes records. Problems are messages on the result, never
 * exceptions. Registered by kind in `create-content-sources.ts`; configured by `SOURCES`.
 */
export interface ContentSource {
  kind: RecordKind;
  /** True for a file this source reads (`source`: its path relative to the root, forward slashes). Cheap: no I/O. */
  matches(source: string): boolean;
  /**
   * The records of one file. `skipped` (quietly) when the file turns out not to be this
   * source's kind after all: the next matching source is then offered it.
   */
  extract(text: string, source: string, path: string): PostResult;
}
