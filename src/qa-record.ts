/**
 * How a record's projects were decided: the attribution line(s) covering the pair, the
 * `关于 X 的提问` topic header above it, the project names its text mentions, or a classifier
 * learned from the attributed pairs (`projectConfidence` then says how sure it was).
 */
export type ProjectSource = 'attribution' | 'header' | 'mention' | 'inferred' | 'page';

/**
 * What the extractor makes of an unchanged input, versioned: part of the reindex fingerprint, so a
 * change that gives other records for the same files (bump it then) rebuilds a deployment's index
 * at its next run instead of being skipped as "source unchanged".
 * 2: a FAQ page without a date gives undated records (before: the file's modification time).
 */
export const RECORD_FORMAT_VERSION = 2;

/** Where a record comes from: a weekly post's reader Q&A, or a docs FAQ page. One per content source. */
export const RECORD_KINDS = ['weekly', 'faq'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The language a record is written in (the docs site's `content/<lang>/`; weekly posts are Chinese). */
export const RECORD_LANGS = ['zh', 'en'] as const;
export type RecordLang = (typeof RECORD_LANGS)[number];

/**
 * One question and its answer: a reader's question from a weekly post, or a question of a docs
 * FAQ page. This is the shape written by the extractor (JSON Lines) and loaded into Meilisearch.
 */
export interface QaRecord {
  /** Stable id: hash of the post's slug, the asker and the question text (see `getRecordId`). */
  id: string;
  /** Question as clean plain text (no markdown, no image URLs; link text and bare URLs kept). */
  question: string;
  /** Answer as clean plain text. */
  answer: string;
  /** Sanitized HTML of the answer, safe to insert into a page. */
  answerHtml: string;
  /** Name of the asker as written in the post, or null. */
  asker: string | null;
  /** GitHub issue number the question comes from (`@user #1234` entries, an issue link in the question), or null. */
  issue: number | null;
  /** Full URL of that issue (`https://github.com/<owner>/<repo>/issues/<n>`), or null when its repository is unknown. */
  issueUrl: string | null;
  /** Canonical project names (see `src/project-catalogue.ts`). */
  projects: string[];
  /** How `projects` was decided (`page`: the FAQ page's project folder); null when nothing decided (then `projects` is empty). */
  projectSource: ProjectSource | null;
  /** For `projectSource: "inferred"`: the classifier's probability (0-1) of that project; else null. */
  projectConfidence: number | null;
  /** True when the question only makes sense after the previous turn of its thread. */
  followup: boolean;
  /** 1-based number of the asker thread within the post. */
  thread: number;
  /** 1-based position of this pair within its thread. */
  turn: number;
  /** For follow-ups: the earlier question(s) of the thread, so the pair is found by its topic. */
  context: string | null;
  /** Post date, `YYYY-MM-DD`, in the post's own time zone; null for an undated FAQ page (see `getFaqPageDate`). */
  date: string | null;
  year: number | null;
  /** Post title from the front matter (FAQ: the page title). */
  title: string;
  /** Path of the post relative to the root it was found under (forward slashes). */
  source: string;
  /** Public URL of the post; for a FAQ question, its page plus the question's anchor (`#q-...`). */
  url: string;
  /** Which content source the record comes from. */
  kind: RecordKind;
  /** Language of the question and answer. */
  lang: RecordLang;
}
