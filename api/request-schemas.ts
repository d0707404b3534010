import { z } from 'zod';
import { PROJECT_NAMES } from '../src/project-catalogue.ts';
import { getDateTs } from '../src/search/search-document.ts';
import { SORT_ORDERS } from './search-backend.ts';

/**
 * Every request parameter the API accepts, as zod schemas: `parseParams` validates requests
 * with them and `getOpenApiDocument` describes them (so the two cannot drift apart).
 * Query values arrive as strings, or arrays of strings when a parameter is repeated.
 */

/** First year of SOFA Weekly posts; years before it, or after the current one, are unknown. */
export const FIRST_YEAR = 2018;

/** Years a `year` parameter may name: FIRST_YEAR to the current year. */
export function getKnownYears(now = new Date()): string[] {
  const years: string[] = [];
  for (let year = FIRST_YEAR; year <= now.getUTCFullYear(); year++) years.push(String(year));
  return years;
}

/** Longest `q` of `GET /api/search`: a question with a pasted error (longer pastes: POST). */
export const MAX_QUERY_LENGTH = 4096;
/** Longest `q` of `POST /api/search`, for clients that paste whole logs. */
export const MAX_POST_QUERY_LENGTH = 65_536;
/** `minMatch` values: `strong` keeps only the hits that answer the query. */
export const MIN_MATCHES = ['any', 'strong'] as const;
export const MAX_HITS_PER_PAGE = 50;
/** Meilisearch returns at most 1000 hits for a query (`pagination.maxTotalHits`): no page beyond can have hits. */
export const MAX_PAGE = 1000;
/** Values of one repeatable parameter at most. */
export const MAX_REPEATS = 30;

const REPEATED = 'given more than once; expected a single value';

/** One string value; an array (the parameter repeated) is refused. */
function single(expected: string) {
  return z.string({ error: (issue) => (Array.isArray(issue.input) ? REPEATED : `expected ${expected}`) });
}

/** A whole number in [min, max], from its decimal string. */
function wholeNumber(min: number, max: number) {
  const expected = `a whole number from ${min} to ${max}`;
  return single(expected)
    .regex(/^\d{1,9}$/, `expected ${expected}`)
    .transform(Number)
    .pipe(z.number().min(min, `expected ${expected}`).max(max, `expected ${expected}`));
}

/** A parameter that may be repeated (`?project=A&project=B`): always an array after parsing. */
function repeatable<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) => (value === undefined || Array.isArray(value) ? value : [value]),
    z.array(item).max(MAX_REPEATS, `expected at most ${MAX_REPEATS} values`),
  );
}

/** The query text, at most `max` characters (the message says how long it was and what to do). */
function queryText(max: number, hint: string) {
  return single('text')
    .max(max, { error: (issue) => `the question is too long: ${String(issue.input).length} characters, at most ${max} (${hint})` })
    .transform((q) => q.trim());
}

const date = single('a date YYYY-MM-DD')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((value) => getDateTs(value) !== null, 'expected a real calendar date YYYY-MM-DD');

/** `GET /api/search`. */
export const searchQuerySchema = z.strictObject({
  q: queryText(MAX_QUERY_LENGTH, 'use POST /api/search with a JSON body for a longer paste')
    .optional()
    .meta({ description: `Words to search for, a question or a pasted error (at most ${MAX_QUERY_LENGTH} characters; POST for more); empty or absent: every record, newest first` }),
  project: repeatable(z.enum(PROJECT_NAMES as [string, ...string[]], { error: (issue) => `unknown project ${JSON.stringify(issue.input)}` }))
    .optional()
    .meta({ description: 'Canonical project name (see /api/facets); repeat it for any of several projects' }),
  year: repeatable(z.string({ error: 'expected a year' }).regex(/^\d{4}$/, 'expected a year like 2021').refine((y) => getKnownYears().includes(y), { error: (issue) => `unknown year ${JSON.stringify(issue.input)} (expected ${FIRST_YEAR} to ${new Date().getUTCFullYear()})` }))
    .optional()
    .meta({ description: 'Post year; repeat it for any of several years' }),
  from: date.optional().meta({ description: 'Earliest post date, inclusive (YYYY-MM-DD)' }),
  to: date.optional().meta({ description: 'Latest post date, inclusive (YYYY-MM-DD)' }),
  sort: z.enum(SORT_ORDERS, { error: (issue) => (Array.isArray(issue.input) ? REPEATED : `expected one of ${SORT_ORDERS.join(', ')}`) })
    .optional()
    .meta({ description: '`relevance` (default; newest first when `q` is empty), `newest` or `oldest`' }),
  page: wholeNumber(1, MAX_PAGE).optional().meta({ description: '1-based page number (default: 1)' }),
  hitsPerPage: wholeNumber(1, MAX_HITS_PER_PAGE).optional().meta({ description: `Hits per page, 1 to ${MAX_HITS_PER_PAGE} (default: 10)` }),
  minMatch: z.enum(MIN_MATCHES, { error: (issue) => (Array.isArray(issue.input) ? REPEATED : `expected one of ${MIN_MATCHES.join(', ')}`) })
    .optional()
    .meta({ description: '`strong`: only the hits that answer the query (`match: "strong"`); `any` (default): every matching hit' }),
}).superRefine((query, context) => {
  if (query.from && query.to && query.from > query.to) {
    context.addIssue({ code: 'custom', path: ['from'], message: `is after to (${query.from} > ${query.to})` });
  }
});

/**
 * `POST /api/search` JSON body: the parameters of `GET /api/search` (strings or arrays of
 * strings, as in a query string; the router turns JSON numbers into strings) with `q` up to
 * `MAX_POST_QUERY_LENGTH` characters.
 */
export const searchBodySchema = searchQuerySchema.safeExtend({
  q: queryText(MAX_POST_QUERY_LENGTH, 'send the first lines and the exception only').optional()
    .meta({ description: `Words to search for, a question or a pasted log (at most ${MAX_POST_QUERY_LENGTH} characters)` }),
});

/** `GET /api/qa/:id` path parameters. */
export const recordParamsSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a record id (letters, digits, - or _)').meta({ description: 'Record id' }),
});

/** Endpoints without parameters (`GET /api/facets`, `GET /api/admin/status`): any parameter is refused. */
export const noParamsSchema = z.strictObject({});
