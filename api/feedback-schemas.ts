import { z } from 'zod';
import { MAX_QUERY_LENGTH } from '../src/contract/request-schemas.ts';

const recordId = z.string({ error: 'expected a record id' }).regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a record id (letters, digits, - or _)');
/** A random id the browser keeps for its session (sessionStorage): idempotency, not identity. */
const session = z.string({ error: 'expected a session id' }).regex(/^[A-Za-z0-9_-]{16,64}$/, 'expected 16 to 64 letters, digits, - or _');
const query = z.string({ error: 'expected text' }).max(MAX_QUERY_LENGTH, `expected at most ${MAX_QUERY_LENGTH} characters`);

/** `POST /api/feedback`: 👍 (`helpful: true`) or 👎 on an opened answer. */
export const feedbackBodySchema = z.strictObject({
  id: recordId.meta({ description: 'Record id of the answer' }),
  helpful: z.boolean({ error: 'expected true or false' }).meta({ description: 'true: 👍, false: 👎' }),
  query: query.optional().meta({ description: 'The search that led to the answer' }),
  session: session.meta({ description: 'Random id of the browser session; a second vote on the same answer replaces the first' }),
});

/** `POST /api/click`: a result was opened. */
export const clickBodySchema = z.strictObject({
  id: recordId.meta({ description: 'Record id of the result' }),
  position: z.number({ error: 'expected a number' }).int('expected a whole number').min(1, 'expected 1 to 1000').max(1000, 'expected 1 to 1000')
    .meta({ description: '1-based position of the result in the list' }),
  query: query.meta({ description: 'The search the result answered' }),
  session: session.meta({ description: 'Random id of the browser session; the same click twice counts once' }),
});

/** `GET /api/admin/insights` (and its CSV). */
export const insightsQuerySchema = z.strictObject({
  days: z.string({ error: 'expected a number of days' }).regex(/^\d{1,4}$/, 'expected a whole number of days').transform(Number)
    .pipe(z.number().min(1, 'expected 1 to 3650').max(3650, 'expected 1 to 3650')).optional()
    .meta({ description: 'Days back from now (default: 30; at most the retention)' }),
  limit: z.string({ error: 'expected a number' }).regex(/^\d{1,3}$/, 'expected a whole number from 1 to 500').transform(Number)
    .pipe(z.number().min(1, 'expected 1 to 500').max(500, 'expected 1 to 500')).optional()
    .meta({ description: 'Rows per list (default: 50)' }),
});
