import { createHash } from 'node:crypto';
import express, { Router, type RequestHandler } from 'express';
import { InvalidParameterError } from '../../src/errors/invalid-parameter-error.ts';
import type { Insights } from '../../src/insights/create-insights.ts';
import { clickBodySchema, feedbackBodySchema } from '../feedback-schemas.ts';
import { getRequestClient } from '../get-request-client.ts';
import { parseParams } from '../parse-params.ts';
import { createPostRateLimit } from '../create-post-rate-limit.ts';
import { MAX_QUERY_LENGTH, noParamsSchema } from '../../src/contract/request-schemas.ts';

/** Hash of the parts: dedupes per session without storing the session id itself. */
const keyOf = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('base64url').slice(0, 22);

/**
 * The JSON body, sent as `text/plain` or `application/json`: text/plain keeps a cross-origin post
 * from the widget a "simple" request (no preflight) and lets `navigator.sendBeacon` send it.
 */
function readJsonBody(body: unknown): unknown {
  if (typeof body !== 'string' || body.trim() === '') throw new InvalidParameterError('body', 'expected a JSON object');
  try {
    const value: unknown = JSON.parse(body);
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value;
  } catch (error) {
    throw new InvalidParameterError('body', 'expected a JSON object', { cause: error });
  }
}

/**
 * Largest feedback or click body, in bytes (32 KB): a query of `MAX_QUERY_LENGTH` UTF-16 units,
 * each JSON-escaped as `\uXXXX` (6 bytes, what an ASCII-only encoder sends for Chinese), plus
 * room for the other fields (ids, session, position: well under 1 KB).
 */
export const MAX_FEEDBACK_BODY_BYTES = MAX_QUERY_LENGTH * 6 + 8 * 1024;

/**
 * `POST /api/feedback` (👍/👎 on an answer; a second vote of the same browser session on the
 * same answer replaces the first) and `POST /api/click` (a result opened: position and query;
 * the same click twice counts once). Both answer 202 `{ recorded }` at once: the event is
 * queued, written later in a batch; `recorded: false` when it was not kept (a query that looks
 * like a secret, a full queue).
 */
export function createFeedbackRouter(options: { insights: Pick<Insights, 'record'>; rateLimit: number; before: RequestHandler[] }): Router {
  const router = Router();
  const limit = createPostRateLimit(options.rateLimit);
  // a body over the limit is a 413 naming it (`onError`)
  const text = express.text({ type: ['text/plain', 'application/json'], limit: MAX_FEEDBACK_BODY_BYTES });

  router.post('/api/feedback', ...options.before, limit, text, (req, res) => {
    parseParams(noParamsSchema, req.query);
    const body = parseParams(feedbackBodySchema, readJsonBody(req.body));
    const recorded = options.insights.record({
      kind: 'feedback', ts: Date.now(), key: keyOf(body.session, body.id), recordId: body.id, helpful: body.helpful,
      query: body.query ?? '', client: getRequestClient(req).client,
    });
    res.status(202).set('Cache-Control', 'no-store').json({ recorded });
  });

  router.post('/api/click', ...options.before, limit, text, (req, res) => {
    parseParams(noParamsSchema, req.query);
    const body = parseParams(clickBodySchema, readJsonBody(req.body));
    const recorded = options.insights.record({
      kind: 'click', ts: Date.now(), key: keyOf(body.session, body.query.trim(), body.id), recordId: body.id, position: body.position,
      query: body.query, client: getRequestClient(req).client,
    });
    res.status(202).set('Cache-Control', 'no-store').json({ recorded });
  });
  return router;
}
