/** Progress of a running reindex, reported after each post and at each phase change. */
export interface ReindexProgress {
  phase: 'fingerprint' | 'extract' | 'index' | 'verify' | 'swap' | 'done';
  postsRead: number;
  /** Estimated number of posts (Markdown files found), null when unknown. */
  postsTotal: number | null;
  pairs: number;
  /** Documents whose addition task has succeeded. */
  documentsIndexed: number;
}

/** A post the extractor could not use. */
export interface FailedPost {
  source: string;
  messages: { ruleId: string; reason: string; line?: number }[];
}

/** What a reindex did: the final report (logged, printed, kept for the admin status). */
export interface ReindexReport {
  outcome: 'succeeded' | 'skipped' | 'failed';
  /** Why the run was skipped (`unchanged`), or null. */
  skipReason: 'unchanged' | null;
  indexName: string;
  /** Name of the temporary index built (deleted at the end), or null when none was built. */
  buildIndex: string | null;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Source fingerprint, null when the input was a record stream without one. */
  fingerprint: string | null;
  forced: boolean;
  posts: {
    /** Files the extractor reported on. */
    read: number;
    /** Weekly posts extracted. */
    weekly: number;
    /** FAQ pages extracted. */
    faq: number;
    /** Files that are neither. */
    skipped: number;
    /** Files that could not be used (see `failedPosts`). */
    failed: number;
  };
  /** Skipped files by the ruleId of their first message (`not-weekly` when there is none). */
  skippedByRule: Record<string, number>;
  /** Every message the extractor reported, counted by ruleId. */
  messagesByRule: Record<string, number>;
  /** Posts that failed, with their messages (at most 100 listed; `posts.failed` has the count). */
  failedPosts: FailedPost[];
  /** Q/A pairs extracted (= documents sent). */
  pairs: number;
  /** Documents in the live index after the run (before it when the run failed or was skipped). */
  documents: number;
  /** Documents in the live index before the run (null when it did not exist). */
  previousDocuments: number | null;
  /** The error of a failed run: its stable code and message (`taskCode`: Meilisearch's, for a failed task). */
  error: { code: string; message: string; taskCode?: string } | null;
}
