import type { ErrorRequestHandler, Response } from 'express';
import { BadRequestError } from '../src/errors/bad-request-error.ts';
import { InvalidParameterError } from '../src/errors/invalid-parameter-error.ts';
import { SearchUnavailableError } from '../src/errors/search-unavailable-error.ts';
import { UnauthorizedError } from '../src/errors/unauthorized-error.ts';
import { isWeeklyFaqError, type WeeklyFaqError } from '../src/errors/weekly-faq-error.ts';

/** One of our errors that maps to an HTTP status (the API's errors carry `status`). */
function getHttpStatus(error: WeeklyFaqError): number | null {
  const status = (error as WeeklyFaqError & { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : null;
}

/** A 4xx error raised by Express itself (e.g. a malformed `%` escape in the path). */
function getClientStatus(error: unknown): number | null {
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

/** What was wrong with a request Express could not read; a body over the limit names the limit (body-parser's `limit`, in bytes). */
function getClientErrorReason(error: unknown): string {
  const { type, limit } = (error ?? {}) as { type?: unknown; limit?: unknown };
  if (type === 'entity.too.large' && typeof limit === 'number') {
    return `the body is over the limit of ${limit.toLocaleString('en-US')} bytes (${Math.round(limit / 1024)} KB)`;
  }
  return error instanceof Error ? error.message : 'bad request';
}

function send(res: Response, status: number, body: { code: string; message: string; parameter?: string; value?: string }): void {
  res.status(status).set('Cache-Control', 'no-store').json({ error: body });
}

/**
 * The one error middleware. Our errors with a status answer `{ error: { code, message } }`
 * with it (plus `Retry-After` for 503, `WWW-Authenticate` for 401, `parameter` for 400);
 * Express's own 4xx become `bad-request`; anything else is logged with its stack and answered
 * with a bare 500 that reveals nothing.
 */
export const onError: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  if (isWeeklyFaqError(error)) {
    const status = getHttpStatus(error);
    if (status !== null) {
      if (error instanceof SearchUnavailableError) {
        res.set('Retry-After', String(error.retryAfterSeconds));
        req.log.warn({ err: error }, error.message);
      }
      if (error instanceof UnauthorizedError) res.set('WWW-Authenticate', 'Bearer realm="weekly-faq admin"');
      send(res, status, {
        code: error.code,
        message: error.message,
        ...(error instanceof InvalidParameterError ? { parameter: error.parameter, ...(error.value !== undefined && { value: error.value }) } : {}),
      });
      return;
    }
  }
  const clientStatus = getClientStatus(error);
  if (clientStatus !== null) {
    const bad = new BadRequestError(`The request could not be read: ${getClientErrorReason(error)}`);
    send(res, clientStatus, { code: bad.code, message: bad.message });
    return;
  }
  req.log.error({ err: error }, 'Unexpected error');
  send(res, 500, { code: 'internal', message: 'Internal server error' });
};
