import { z } from 'zod';
import { clickBodySchema, feedbackBodySchema, insightsQuerySchema } from './feedback-schemas.ts';
import { csvQuerySchema } from './routes/create-insights-router.ts';
import { noParamsSchema, recordParamsSchema, searchBodySchema, searchQuerySchema } from '../src/contract/request-schemas.ts';
import { responseSchemas } from '../src/contract/response-schemas.ts';

type JsonSchema = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({ description, content: { 'application/json': { schema: ref(id) } } });
const error = (description: string) => json('Error', description);

type ObjectJsonSchema = { properties?: Record<string, JsonSchema>; required?: string[] };

/**
 * OpenAPI parameters from a request schema: its properties, as the client sends them. A number
 * (`page`) is a string pattern on the input side of its schema; a client reads its type, bounds
 * and default from the parsed side.
 */
function getParameters(schema: z.ZodObject, location: 'query' | 'path'): JsonSchema[] {
  const input = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as ObjectJsonSchema;
  const output = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as ObjectJsonSchema;
  return Object.entries(input.properties ?? {}).map(([name, inputProperty]) => {
    const parsed = output.properties?.[name];
    const property = parsed?.type === 'number' && inputProperty.type === 'string' ? { ...parsed, type: 'integer' } : inputProperty;
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === 'path' || (input.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
      // repeatable parameters: ?project=A&project=B
      ...(rest.type === 'array' ? { style: 'form', explode: true } : {}),
    };
  });
}

/**
 * An OpenAPI JSON request body from a request schema, as the client sends it. A repeatable
 * field (`repeatable()` in request-schemas.ts, the one source of arrays there) takes one value
 * as well as an array, which zod's JSON Schema of it (the array it parses to) does not say.
 */
function getRequestBody(schema: z.ZodObject, description: string): JsonSchema {
  const input = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema & ObjectJsonSchema;
  delete input.$schema;
  dropSafeIntegerBounds(input);
  for (const [name, property] of Object.entries(input.properties ?? {})) {
    if (property.type !== 'array') continue;
    const { description: text, default: byDefault, ...array } = property;
    input.properties![name] = { ...(text ? { description: text } : {}), ...(byDefault !== undefined ? { default: byDefault } : {}), anyOf: [array.items, array] };
  }
  return { required: true, description, content: { 'application/json': { schema: input } } };
}

/** zod writes the safe-integer range on every integer: noise in a description. */
function dropSafeIntegerBounds(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const record = node as JsonSchema;
  if (record.minimum === Number.MIN_SAFE_INTEGER) delete record.minimum;
  if (record.maximum === Number.MAX_SAFE_INTEGER) delete record.maximum;
  for (const value of Object.values(record)) dropSafeIntegerBounds(value);
}

const RATE_LIMITED = {
  description: 'Too many requests from this IP (SEARCH_RATE_LIMIT per minute)',
  headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
  content: { 'application/json': { schema: ref('Error') } },
};
const TOO_LARGE = (limit: string) => error(`A body over ${limit}`);
const UNAVAILABLE = {
  description: 'Meilisearch is down, slow or has no index yet',
  headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
  content: { 'application/json': { schema: ref('Error') } },
};

/**
 * The OpenAPI 3.1 description of the API, generated from the zod schemas that validate the
 * requests (`request-schemas.ts`) and describe the answers (`response-schemas.ts`).
 *
 * @see https://spec.openapis.org/oas/v3.1.0
 */
export function getOpenApiDocument(options: { version?: string; admin?: boolean } = {}): JsonSchema {
  const { schemas } = z.toJSONSchema(responseSchemas, { uri: (id) => `#/components/schemas/${id}`, io: 'output' }) as { schemas: Record<string, JsonSchema> };
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
    dropSafeIntegerBounds(schema);
  }
  const admin = {
    security: [{ adminToken: [] }],
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'weekly-faq',
      version: options.version ?? '0.1.0',
      description: 'Search the reader Q&A of the SOFAStack "SOFA Weekly" newsletters. Errors answer `{ error: { code, message } }`.',
    },
    paths: {
      '/api/search': {
        get: {
          summary: 'Search the Q&A records',
          parameters: getParameters(searchQuerySchema, 'query'),
          responses: {
            200: { ...json('SearchResult', 'A page of hits with facet counts'), headers: { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } } } },
            304: { description: 'Not modified (If-None-Match)' },
            400: error('A bad parameter (named in the message and in `parameter`)'),
            429: RATE_LIMITED,
            503: UNAVAILABLE,
          },
        },
        post: {
          summary: 'Search with the parameters as a JSON body (for pasted logs longer than a URL should carry; not cached)',
          requestBody: getRequestBody(searchBodySchema, 'The parameters of GET /api/search; `q` up to 65,536 characters'),
          responses: {
            200: json('SearchResult', 'A page of hits with facet counts'),
            400: error('A bad parameter (named in the message and in `parameter`), or a body that is not JSON'),
            413: TOO_LARGE('the limit named in the message'),
            429: RATE_LIMITED,
            503: UNAVAILABLE,
          },
        },
      },
      '/api/feedback': {
        post: {
          summary: 'Was an opened answer helpful? Idempotent per browser session (a second vote replaces the first); JSON, also sent as text/plain',
          requestBody: getRequestBody(feedbackBodySchema, 'The vote'),
          responses: { 202: { description: 'Accepted: `{ recorded: boolean }` (false when insights are off or the event was dropped)', content: { 'application/json': { schema: { type: 'object', properties: { recorded: { type: 'boolean' } } } } } }, 400: error('A bad field (named in the message)'), 413: TOO_LARGE('the limit named in the message'), 429: error('Too many posts (FEEDBACK_RATE_LIMIT per minute)') },
        },
      },
      '/api/click': {
        post: {
          summary: 'A result was opened (click-through per query); the same click twice in a session counts once',
          requestBody: getRequestBody(clickBodySchema, 'The click'),
          responses: { 202: { description: 'Accepted: `{ recorded: boolean }` (false when insights are off or the event was dropped)', content: { 'application/json': { schema: { type: 'object', properties: { recorded: { type: 'boolean' } } } } } }, 400: error('A bad field (named in the message)'), 413: TOO_LARGE('the limit named in the message'), 429: error('Too many posts (FEEDBACK_RATE_LIMIT per minute)') },
        },
      },
      '/api/qa/{id}': {
        get: {
          summary: 'One record',
          parameters: getParameters(recordParamsSchema, 'path'),
          responses: { 200: json('Record', 'The record'), 400: error('A malformed id'), 404: error('No record has this id'), 503: UNAVAILABLE },
        },
      },
      '/api/facets': {
        get: {
          summary: 'Every project and year with its count, and the number of records',
          parameters: getParameters(noParamsSchema, 'query'),
          responses: { 200: json('Facets', 'Counts'), 400: error('A parameter was given'), 503: UNAVAILABLE },
        },
      },
      '/healthz': { get: { summary: 'The process is alive', responses: { 200: json('Health', 'Alive') } } },
      '/readyz': {
        get: {
          summary: 'Meilisearch answers and the index has documents',
          responses: { 200: json('Readiness', 'Ready'), 503: json('Readiness', 'Not ready') },
        },
      },
      '/metrics': { get: { summary: 'Prometheus metrics (admin token; 404 when ADMIN_TOKEN is not configured)', ...admin, responses: { 200: { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } }, 401: error('Missing or wrong token'), 404: error('Metrics are off') } } },
      '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } } },
      ...(options.admin === false ? {} : {
        '/api/admin/reindex': {
          post: {
            summary: 'Start a reindex of WEEKLY_SOURCE now (404 when ADMIN_TOKEN is not configured)',
            ...admin,
            requestBody: {
              required: false,
              content: { 'application/json': { schema: { type: 'object', additionalProperties: false, properties: { force: { type: 'boolean', description: 'Rebuild even when unchanged, and swap even when the index shrinks by more than 10%' } } } } },
            },
            responses: { 202: json('ReindexStarted', 'Started; follow it on /api/admin/status'), 401: error('Missing or wrong token'), 404: error('Admin endpoints are off'), 409: error('A reindex is already running') },
          },
        },
        '/api/admin/insights': {
          get: {
            summary: 'Search insights: top queries, content gaps, zero-hit queries, trends per week, project and origin, unhelpful answers (404 when ADMIN_TOKEN is not configured)',
            ...admin,
            parameters: getParameters(insightsQuerySchema, 'query'),
            responses: { 200: { description: 'The report', content: { 'application/json': { schema: { type: 'object' } } } }, 400: error('A bad parameter'), 401: error('Missing or wrong token'), 404: error('Admin endpoints are off'), 503: error('The insights database is unavailable') },
          },
        },
        '/api/admin/insights.csv': {
          get: {
            summary: 'One list of the search insights as CSV (UTF-8 with a byte order mark, formulas escaped), to open in a spreadsheet (404 when ADMIN_TOKEN is not configured)',
            ...admin,
            parameters: getParameters(csvQuerySchema, 'query'),
            responses: { 200: { description: 'The list', content: { 'text/csv': { schema: { type: 'string' } } } }, 400: error('A bad parameter'), 401: error('Missing or wrong token'), 404: error('Admin endpoints are off'), 503: error('The insights database is unavailable') },
          },
        },
        '/api/admin/status': {
          get: {
            summary: 'Last and next reindex runs, document count, last report (404 when ADMIN_TOKEN is not configured)',
            ...admin,
            responses: { 200: json('AdminStatus', 'Status'), 401: error('Missing or wrong token'), 404: error('Admin endpoints are off') },
          },
        },
      }),
    },
    components: {
      schemas,
      securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' } },
    },
  };
}
