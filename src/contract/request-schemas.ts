import { z } from 'zod';
import { PROJECT_NAMES, getProjectByLabel } from '../project-catalogue.ts';
import { getDateTs } from '../search/search-document.ts';
import {
  COPIES, DEFAULT_HITS_PER_PAGE, FIRST_YEAR, KINDS, MAX_HITS_PER_PAGE, MAX_PAGE, MAX_POST_QUERY_LENGTH, MAX_QUERY_LENGTH, MAX_REPEATS, MIN_MATCHES, SORT_ORDERS,
} from './search-constants.ts';

export { FIRST_YEAR, MAX_HITS_PER_PAGE, MAX_PAGE, MAX_POST_QUERY_LENGTH, MAX_QUERY_LENGTH, MAX_REPEATS, MIN_MATCHES } from './search-constants.ts';

/**
 * Every request parameter the API accepts, as zod schemas: `parseParams` validates requests
 * with them and `getOpenApiDocument` describes them (so the two cannot drift apart).
 * Query values arrive as strings, or arrays of strings when a parameter is repeated.
 * The output of `searchQuerySchema` is THE search request (`SearchRequest`): defaults filled
 * in, it goes unchanged from the route into `src/search/` (`searchQa`).
 */

/** Years a `year` parameter may name: FIRST_YEAR to the current year. */
export function getKnownYears(now = new Date()): string[] {
  const years: string[] = [];
  for (let year = FIRST_YEAR; year <= now.getUTCFullYear(); year++) years.push(String(year));
  return years;
}

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

/**
 * The values of a list parameter: each string split on commas (`mosn,sofarpc`, what people
 * write in a link or a widget's `data-project`), each part trimmed; anything else as it is
 * (its item schema refuses it, naming it). An empty part stays, refused as the value `""`.
 */
function splitListValue(value: unknown): unknown[] {
  return (Array.isArray(value) ? value : [value]).flatMap((item) => (typeof item === 'string' ? item.split(',').map((part) => part.trim()) : [item]));
}

/**
 * A list parameter: repeated (`?project=A&project=B`), comma-separated (`?project=A,B`) or both;
 * always an array after parsing. An item the item schema refuses is named alone.
 */
function repeatable<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) => (value === undefined ? value : splitListValue(value)),
    z.array(item).max(MAX_REPEATS, `expected at most ${MAX_REPEATS} values`),
  );
}

/** The query text, at most `max` characters (the message says how long it was and what to do). */
function queryText(max: number, hint: string) {
  return single('text')
    .max(max, { error: (issue) => `the question is too long: ${String(issue.input).length} characters, at most ${max} (${hint})` })
    .transform((q) => q.trim());
}

/**
 * A project by its canonical name or any catalogue spelling in any case (`jraft`, `sofa-rpc`:
 * `getProjectByLabel`), parsed to the canonical name; an umbrella name (`SOFAStack`) or an
 * unknown one is refused, naming it.
 */
const projectName = z.string({ error: (issue) => `unknown project ${JSON.stringify(issue.input)}` })
  .transform((label) => getProjectByLabel(label)?.name ?? label)
  .pipe(z.enum(PROJECT_NAMES as [string, ...string[]], { error: (issue) => `unknown project ${JSON.stringify(issue.input)}` }))
  .meta({ description: `A project of the catalogue, by its name (${PROJECT_NAMES.join(', ')}) or any of its spellings, in any case` });

const unknownYear = (issue: { input: unknown }) => `unknown year ${JSON.stringify(issue.input)} (expected ${FIRST_YEAR} to ${new Date().getUTCFullYear()})`;

/** A year as a query string carries it: `2021`, FIRST_YEAR to this year. */
const queryYear = z.string({ error: 'expected a year like 2021' }).regex(/^\d{4}$/, 'expected a year like 2021').refine((y) => getKnownYears().includes(y), { error: unknownYear }).transform(Number);

const date = single('a date YYYY-MM-DD')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((value) => getDateTs(value) !== null, 'expected a real calendar date YYYY-MM-DD');

/** The parameters of `GET /api/search`, as a query string carries them. */
const searchQueryShape = {
  q: queryText(MAX_QUERY_LENGTH, 'use POST /api/search with a JSON body for a longer paste')
    .default('')
    .meta({ description: `Words to search for, a question or a pasted error (at most ${MAX_QUERY_LENGTH} characters; POST for more); empty or absent: every record, newest first` }),
  project: repeatable(projectName)
    .default([])
    .meta({ description: 'Project name as in /api/facets, in any case or any spelling of the project catalogue (`mosn`, `jraft`, `sofa-rpc`); repeat it or separate names with commas (`mosn,sofarpc`) for any of several projects' }),
  year: repeatable(queryYear)
    .default([])
    .meta({ description: 'Post year; repeat it or separate years with commas for any of several years' }),
  kind: repeatable(z.enum(KINDS, { error: (issue) => `unknown kind ${JSON.stringify(issue.input)} (expected ${KINDS.join(' or ')})` }))
    .default([])
    .meta({ description: '`weekly` (a weekly post\'s Q&A) or `faq` (a project\'s FAQ page); repeat it or separate with commas (`weekly,faq`) for both' }),
  from: date.optional().meta({ description: 'Earliest post date, inclusive (YYYY-MM-DD)' }),
  to: date.optional().meta({ description: 'Latest post date, inclusive (YYYY-MM-DD)' }),
  sort: z.enum(SORT_ORDERS, { error: (issue) => (Array.isArray(issue.input) ? REPEATED : `expected one of ${SORT_ORDERS.join(', ')}`) })
    .default('relevance')
    .meta({ description: '`relevance` (default; newest first when `q` is empty), `newest` or `oldest`' }),
  page: wholeNumber(1, MAX_PAGE).default(1).meta({ description: '1-based page number (default: 1)' }),
  hitsPerPage: wholeNumber(1, MAX_HITS_PER_PAGE).default(DEFAULT_HITS_PER_PAGE).meta({ description: `Hits per page, 1 to ${MAX_HITS_PER_PAGE} (default: ${DEFAULT_HITS_PER_PAGE})` }),
  minMatch: z.enum(MIN_MATCHES, { error: (issue) => (Array.isArray(issue.input) ? REPEATED : `expected one of ${MIN_MATCHES.join(', ')}`) })
    .default('any')
    .meta({ description: '`strong`: only the hits that answer the query (`match: "strong"`); `any` (default): every matching hit' }),
  copies: z.enum(COPIES, { error: (issue) => (Array.isArray(issue.input) ? REPEATED : `expected one of ${COPIES.join(', ')}`) })
    .default('list')
    .meta({ description: 'A pair posted in several weekly posts (the same question with the same answer): `list` (default) lists every copy, each naming the others in `alsoIn`; `fold` lists it once, at its best-ranked copy, naming the others in `alsoIn`, and leaves the others out of the hits and `totalHits` (the facet counts count it once under each value any copy has). The empty query\'s listing, newest first, is never folded' }),
};

/** A search's `from` may not be after its `to`. */
function fromNotAfterTo(query: { from?: string | undefined; to?: string | undefined }, context: z.RefinementCtx): void {
  if (query.from && query.to && query.from > query.to) {
    context.addIssue({ code: 'custom', path: ['from'], message: `is after to (${query.from} > ${query.to})` });
  }
}

/** `GET /api/search`. */
export const searchQuerySchema = z.strictObject(searchQueryShape).superRefine(fromNotAfterTo);

/**
 * A JSON body's whole number in [min, max]: a JSON number, or its decimal string as a query
 * string carries it (accepted since POST came; clients built URLs' values first).
 */
function bodyWholeNumber(min: number, max: number) {
  const expected = `expected a whole number from ${min} to ${max}`;
  return z.union([z.number().int(expected).min(min, expected).max(max, expected), wholeNumber(min, max)], {
    error: (issue) => (Array.isArray(issue.input) ? REPEATED : expected),
  });
}

/** A JSON body's year: `2021` or `"2021"`. */
const bodyYear = z.union([
  z.number().int('expected a year like 2021').min(FIRST_YEAR, { error: unknownYear }).refine((y) => getKnownYears().includes(String(y)), { error: unknownYear }),
  queryYear,
], { error: 'expected a year like 2021' });

/**
 * `POST /api/search` JSON body: the parameters of `GET /api/search` as JSON, `q` up to
 * `MAX_POST_QUERY_LENGTH` characters. `page`, `hitsPerPage` and `year` take JSON numbers or
 * their decimal strings; every other field is a string, a repeatable one (`project`, `year`,
 * `kind`) one value or an array of them; any other type is refused, naming the field.
 */
export const searchBodySchema = z.strictObject({
  ...searchQueryShape,
  q: queryText(MAX_POST_QUERY_LENGTH, 'send the first lines and the exception only').default('')
    .meta({ description: `Words to search for, a question or a pasted log (at most ${MAX_POST_QUERY_LENGTH} characters)` }),
  project: searchQueryShape.project.meta({ description: 'Project name as in /api/facets, in any case or any spelling of the project catalogue (`mosn`, `jraft`, `sofa-rpc`); an array for any of several projects' }),
  year: repeatable(bodyYear).default([]).meta({ description: 'Post year (`2021` or `"2021"`); an array for any of several years' }),
  kind: searchQueryShape.kind.meta({ description: '`weekly` (a weekly post\'s Q&A) or `faq` (a project\'s FAQ page); an array for both' }),
  page: bodyWholeNumber(1, MAX_PAGE).default(1).meta({ description: '1-based page number (default: 1)' }),
  hitsPerPage: bodyWholeNumber(1, MAX_HITS_PER_PAGE).default(DEFAULT_HITS_PER_PAGE).meta({ description: `Hits per page, 1 to ${MAX_HITS_PER_PAGE} (default: ${DEFAULT_HITS_PER_PAGE})` }),
}).superRefine(fromNotAfterTo);

/**
 * A validated search request, the one shape a search has from the route to the search core
 * and back: `project`, `year` and `kind` are lists (empty: no filter), the rest has its default.
 */
export type SearchRequest = z.output<typeof searchQuerySchema>;

/** A full request from the parameters given (the API's defaults for the others): for scripts and tests. */
export function toSearchRequest(request: Partial<SearchRequest> = {}): SearchRequest {
  return { ...searchQuerySchema.parse({}), ...request };
}

/** `GET /api/qa/:id` path parameters. */
export const recordParamsSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a record id (letters, digits, - or _)').meta({ description: 'Record id' }),
});

/** Endpoints without parameters (`GET /api/facets`, `GET /api/admin/status`): any parameter is refused. */
export const noParamsSchema = z.strictObject({});
