import type { RequestHandler } from 'express';
import type { ApiMetrics } from './create-metrics.ts';
import { getRouteLabel } from './request-context.ts';

/** Count every request and observe its latency, by method, route pattern and status. */
export function recordRequestMetrics(metrics: ApiMetrics): RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpRequestDuration.startTimer();
    res.on('finish', () => {
      const labels = { method: req.method, route: getRouteLabel(req), status: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      end(labels);
    });
    next();
  };
}
