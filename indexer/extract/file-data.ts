import type { QaRecord } from '../../src/qa-record.ts';

/**
 * What the extraction pipelines leave on `file.data` (vfile's `DataMap`, augmented): every
 * step reads what the steps before it put there and adds its own; problems stay messages on
 * the file. Each source's own steps add their fields beside these (`faqEntries`, `weeklyPairs`).
 */
declare module 'vfile' {
  interface DataMap {
    /** The file's path relative to the root it was found under (forward slashes). */
    source: string;
    /** The file's front matter, parsed. */
    frontMatter: Record<string, unknown>;
    /** Set by a step that found the file is not this source's kind: later steps do nothing. */
    skipped: boolean;
    /** The page's title and date, once known. */
    title: string;
    date: string;
    /** The records, the pipeline's result. */
    records: QaRecord[];
  }
}

export {};
