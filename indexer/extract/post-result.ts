import type { QaRecord, RecordKind } from '../../src/qa-record.ts';

/** A problem found in a post: reported, never thrown. */
export interface PostMessage {
  /** Stable code, e.g. `empty-file`, `bad-front-matter`, `no-pairs` (see docs/extractor.md, "Extractor messages"). */
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
  /** `extracted`: records taken (see `kind`); `skipped`: no source's kind of page (quiet); `failed`: unusable, see messages. */
  status: 'extracted' | 'skipped' | 'failed';
  /** The content source that read it (null: none did, or the file failed before one could). */
  kind: RecordKind | null;
  title: string | null;
  date: string | null;
  records: QaRecord[];
  messages: PostMessage[];
}
