import type { QaRecord } from '../src/qa-record.ts';

/** A problem found in a post: reported, never thrown. */
export interface PostMessage {
  /** Stable code, e.g. `empty-file`, `bad-front-matter`, `no-pairs`. */
  ruleId: string;
  reason: string;
  line?: number;
}

/** What the extractor made of one file. */
export interface PostResult {
  /** Absolute path of the file. */
  path: string;
  /** Path relative to the root it was found under (forward slashes). */
  source: string;
  /** `weekly`: extracted; `skipped`: not a weekly post (quiet); `failed`: unusable, see messages. */
  status: 'weekly' | 'skipped' | 'failed';
  title: string | null;
  date: string | null;
  records: QaRecord[];
  messages: PostMessage[];
}

export interface ExtractOptions {
  /** Base of public post URLs (default: https://www.sofastack.tech/blog/). */
  baseUrl?: string;
}

/**
 * Find every weekly post under `paths` (folders or files) and extract its Q/A pairs,
 * one result per file found. Never throws for a bad post; throws only for a path that does not exist.
 */
export async function* extractCorpus(paths: string[], options: ExtractOptions = {}): AsyncGenerator<PostResult> {
  // placeholder until the extractor lands
  void paths; void options;
}
