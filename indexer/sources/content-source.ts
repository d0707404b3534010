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
   * Optional, cheap: true when the start of a file already shows it is not this source's (a post
   * whose title does not name the newsletter), so the rest is never decoded. `head`: the file's
   * first whole lines (about 8 KB; the file is longer, holds no NUL byte, and its head is not blank).
   */
  rejectsHead?(head: string, source: string): boolean;
  /**
   * The records of one file. `skipped` (quietly) when the file turns out not to be this
   * source's kind after all: the next matching source is then offered it.
   */
  extract(text: string, source: string, path: string): PostResult;
}
