import { z } from 'zod';
import { KINDS, LANGS } from './search-constants.ts';

/**
 * The shapes the API answers with, for `/openapi.json` (and for the tests, which check real
 * answers against them); `search-result.ts` holds the same shapes as TypeScript types for the
 * server and the browser code. Request parameters are in `request-schemas.ts`.
 */

/** Every response schema, by its name in `components.schemas`. */
export const responseSchemas = z.registry<{ id: string }>();

export const apiRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(KINDS).meta({ description: "Where the answer comes from: a weekly post's Q&A (`weekly`) or a project's FAQ page (`faq`)" }),
  lang: z.enum(LANGS).meta({ description: 'Language of the record' }),
  question: z.string().meta({ description: 'Plain text' }),
  answer: z.string().meta({ description: 'Plain text' }),
  answerHtml: z.string().meta({ description: 'Sanitized HTML of the answer' }),
  asker: z.string().nullable(),
  issue: z.number().int().nullable().meta({ description: 'GitHub issue number, for issue entries' }),
  issueUrl: z.string().nullable().meta({ description: 'https://github.com/<owner>/<repo>/issues/<n> of that issue, when its repository is known' }),
  projects: z.array(z.string()),
  projectSource: z.enum(['attribution', 'header', 'mention', 'inferred', 'page']).nullable()
    .meta({ description: "How projects was decided: the post's attribution line, its topic header, the project names the pair mentions, or a classifier (null: no project)" }),
  projectConfidence: z.number().min(0).max(1).nullable().meta({ description: 'For projectSource "inferred": the classifier\'s probability' }),
  followup: z.boolean(),
  context: z.string().nullable().meta({ description: "For follow-ups: the thread's earlier questions" }),
  date: z.string().nullable().meta({ description: 'Post date, YYYY-MM-DD; null for an undated FAQ page' }),
  year: z.number().int().nullable(),
  title: z.string(),
  source: z.string(),
  url: z.string(),
}).register(responseSchemas, { id: 'Record' });

export const facetCountsSchema = z.object({
  projects: z.record(z.string(), z.number().int()),
  years: z.record(z.string(), z.number().int()),
  kinds: z.record(z.string(), z.number().int()).meta({ description: 'Records by kind: weekly, faq' }),
}).register(responseSchemas, { id: 'FacetCounts' });

export const pairCopySchema = z.object({
  id: z.string().meta({ description: "The copy's record id (GET /api/qa/{id})" }),
  url: z.string().meta({ description: "The post's public page" }),
  date: z.string().nullable().meta({ description: 'Post date, YYYY-MM-DD; null for an undated FAQ page' }),
  title: z.string(),
}).register(responseSchemas, { id: 'PairCopy' });

export const searchHitSchema = apiRecordSchema.extend({
  highlight: z.object({
    question: z.string(),
    answer: z.string(),
  }).meta({ description: 'Matched words in <mark>, everything else HTML-escaped: safe to insert as HTML' }),
  match: z.enum(['strong', 'weak']).meta({ description: '`strong`: the hit answers the query; `weak`: related at best' }),
  score: z.number().min(0).max(1).meta({ description: 'The evidence `match` was decided on: the share of the query\'s informative terms the hit holds' }),
  alsoIn: z.array(pairCopySchema).meta({
    description: 'The other posts where this same pair (the same question with the same answer, up to spaces, punctuation, list numbers and word order) is among the results, in result order. '
      + 'With copies=list (default) every copy is a hit and names the others; with copies=fold the pair is listed once, at its best-ranked copy, and the other copies leave the hits, totalHits and the facet counts. '
      + 'A question reposted with another answer is another pair, never named here. Empty when there is none, and always for the empty query\'s listing',
  }),
}).register(responseSchemas, { id: 'SearchHit' });

export const searchResultSchema = z.object({
  query: z.string(),
  page: z.number().int(),
  hitsPerPage: z.number().int(),
  totalHits: z.number().int(),
  totalPages: z.number().int(),
  processingTimeMs: z.number(),
  hits: z.array(searchHitSchema),
  facets: facetCountsSchema.meta({ description: "Counts for the query and its filters, except that each facet's own filter is left out of its counts" }),
  strongHits: z.number().int().meta({ description: 'Hits that answer the query (match "strong"), all pages together' }),
  detectedProject: z.string().nullable().meta({ description: 'The project the query names (jraft -> SOFAJRaft), ranked first; null when none' }),
  detectedProjects: z.array(z.string()).meta({ description: 'Every project the query names, in query order' }),
  searchedFor: z.string().meta({ description: 'What was searched for: the query, or what identifies a pasted error in it' }),
  project: z.array(z.string()).meta({ description: 'The projects searched: each `project` parameter by its canonical name (`mosn` -> MOSN, `jraft` -> SOFAJRaft), in the order given; empty: every project' }),
}).register(responseSchemas, { id: 'SearchResult' });

export const facetsResultSchema = facetCountsSchema.extend({
  total: z.number().int().meta({ description: 'Number of records' }),
}).register(responseSchemas, { id: 'Facets' });

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Stable code (src/errors/README.md)' }),
    message: z.string(),
    parameter: z.string().optional().meta({ description: 'For invalid-parameter: the parameter' }),
    value: z.string().optional().meta({ description: 'For invalid-parameter on a list (`project=mosn,nope`): the one value refused (`nope`), as written' }),
  }),
}).register(responseSchemas, { id: 'Error' });

export const healthSchema = z.object({ status: z.literal('ok') }).register(responseSchemas, { id: 'Health' });

export const readinessSchema = z.object({
  status: z.enum(['ready', 'not-ready']),
  meilisearch: z.enum(['available', 'unavailable']),
  documents: z.number().int().nullable(),
  reason: z.string().optional(),
}).register(responseSchemas, { id: 'Readiness' });

export const reindexStartedSchema = z.object({
  status: z.literal('started'),
  startedAt: z.string(),
  force: z.boolean(),
}).register(responseSchemas, { id: 'ReindexStarted' });

export const adminStatusSchema = z.object({
  documents: z.number().int().nullable().meta({ description: 'Documents in the live index (null when Meilisearch is down)' }),
  running: z.boolean(),
  currentRun: z.object({
    trigger: z.string(),
    startedAt: z.string(),
    progress: z.object({
      phase: z.enum(['fingerprint', 'extract', 'index', 'verify', 'swap', 'done']),
      postsRead: z.number().int(),
      postsTotal: z.number().int().nullable(),
      pairs: z.number().int(),
      documentsIndexed: z.number().int(),
    }).nullable().meta({ description: 'How far the run got: its step, posts read of those found, pairs extracted, documents indexed (null until its first step)' }),
  }).nullable(),
  lastRun: z.object({
    trigger: z.string(),
    startedAt: z.string(),
    finishedAt: z.string(),
    outcome: z.enum(['succeeded', 'skipped', 'failed']),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  }).nullable(),
  nextRunAt: z.string().nullable(),
  schedule: z.object({ enabled: z.boolean(), cron: z.string().nullable(), timeZone: z.string() }),
  lastReport: z.record(z.string(), z.unknown()).nullable().meta({ description: 'Report of the last run (counts, durations, failed posts)' }),
}).register(responseSchemas, { id: 'AdminStatus' });
