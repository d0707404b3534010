import type { QaRecord } from '../../src/qa-record.ts';

/** A problem found in a post: reported, never thrown. */
export interface PostMessage {
  /** Stable code, e.g. `empty-file`, `bad-front-matter`, `no-pairs` (see README, "Extractor messages"). */
  ruleId: string;
  reason: string;
  line?: number;
}

/** What the extractor made of one file. */
export interface PostResult {
  /** Path of the file as found. */
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
