import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Request id: the client's `X-Request-Id` when it looks like one, else a new UUID. */
      id: string;
      /** Logger bound to the request id: every line logged for the request carries `reqId`. */
      log: Logger;
    }
  }
}

/** Routes polled by orchestrators and Prometheus: logged at debug while they succeed. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/** A client-supplied id we accept as is (so ids can follow a request across services). */
const CLIENT_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The route pattern a request matched (`/api/qa/:id`), or `unmatched`: low-cardinality, for logs and metrics. */
export function getRouteLabel(req: { baseUrl: string; route?: { path?: unknown } }): string {
  const path = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : 'unmatched';
}

/**
 * Give every request an id (echoed in `X-Request-Id`) and a child logger carrying it, and log
 * one line per finished request (method, path, route, status, duration; successful probes at debug).
 */
export function createRequestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    req.id = given && CLIENT_ID.test(given) ? given : randomUUID();
    req.log = logger.child({ reqId: req.id });
    res.setHeader('X-Request-Id', req.id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = { method: req.method, path: req.path, route: getRouteLabel(req), status: res.statusCode, ms: Math.round(ms * 10) / 10 };
      if (res.statusCode >= 500) req.log.error(line, 'request failed');
      else if (PROBES.has(line.route) && res.statusCode < 400) req.log.debug(line, 'request');
      else req.log.info(line, 'request');
    });
    next();
  };
}
