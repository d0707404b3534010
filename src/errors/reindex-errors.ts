import { WeeklyFaqError } from './weekly-faq-error.ts';

/** The new index would hold too many fewer documents than the live one; not swapped. */
export class ReindexShrinkRefusedError extends WeeklyFaqError {
  readonly code = 'reindex-shrink-refused';
  override name = 'ReindexShrinkRefusedError';

  constructor(
    readonly indexName: string,
    readonly liveDocuments: number,
    readonly newDocuments: number,
    readonly maxLossRatio: number,
  ) {
    const lost = liveDocuments - newDocuments;
    super(
      `Refusing to swap ${indexName}: the new index has ${newDocuments} documents, ${lost} fewer than the live ${liveDocuments} ` +
        `(${((lost / liveDocuments) * 100).toFixed(1)}% > ${(maxLossRatio * 100).toFixed(0)}% allowed). ` +
        'The live index is unchanged. Check the source and the extractor report, then rerun with --force if the loss is expected.',
    );
  }
}

/** The build index does not hold as many documents as were sent. */
export class ReindexCountMismatchError extends WeeklyFaqError {
  readonly code = 'reindex-count-mismatch';
  override name = 'ReindexCountMismatchError';

  constructor(
    readonly indexUid: string,
    readonly expected: number,
    readonly actual: number,
    /** Ids sent more than once, which Meilisearch merges into one document (first few). */
    readonly duplicateIds: string[] = [],
  ) {
    super(
      `Document count check of ${indexUid}: expected ${expected} documents, found ${actual}` +
        (duplicateIds.length ? ` (duplicate record ids, e.g. ${duplicateIds.slice(0, 5).join(', ')})` : ''),
    );
  }
}

/** A source path given to the reindex does not exist or cannot be read. */
export class ReindexSourceError extends WeeklyFaqError {
  readonly code = 'reindex-source-missing';
  override name = 'ReindexSourceError';

  constructor(readonly path: string, options?: { cause?: unknown }) {
    super(`Reading reindex source ${path}: not found or not readable`, options);
  }
}

/** Another reindex holds the lock for this data directory. */
export class ReindexLockedError extends WeeklyFaqError {
  readonly code = 'reindex-in-progress';
  override name = 'ReindexLockedError';

  constructor(readonly lockPath: string, readonly holderPid: number | null) {
    super(`Reindex lock ${lockPath} is held${holderPid ? ` by process ${holderPid}` : ''}: another reindex is running`);
  }
}

/** The sources gave no record at all (a root that is not the docs site, an emptied checkout); nothing swapped. */
export class ReindexNoRecordsError extends WeeklyFaqError {
  readonly code = 'reindex-no-records';
  override name = 'ReindexNoRecordsError';

  constructor(
    readonly indexName: string,
    /** The roots read, credentials redacted. */
    readonly roots: string[],
    readonly posts: { read: number; skipped: number; failed: number },
  ) {
    super(
      `No Q&A record in ${roots.join(', ') || 'the input'} (${posts.read} Markdown files read: ${posts.skipped} neither a weekly post nor a FAQ page, ${posts.failed} failed): ` +
        `check that SOURCES or WEEKLY_SOURCE names the docs site. The live index ${indexName} is unchanged; rerun with --force to swap in an empty index.`,
    );
  }
}
