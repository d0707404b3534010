import type { Request } from 'express';
import type { Insights } from '../src/insights/create-insights.ts';
import { getRequestClient } from './get-request-client.ts';
import type { SearchRequest } from '../src/contract/request-schemas.ts';
import { toSearchEvent } from './to-search-event.ts';

/**
 * Queue the insight of an answered search (the search router's one hook). Never throws: an
 * insight that cannot be made is simply not recorded.
 */
export function recordSearchInsight(insights: Pick<Insights, 'record'> | undefined, req: Request, request: SearchRequest, result: unknown, latencyMs: number): void {
  if (!insights) return;
  try {
    const event = toSearchEvent(request, result, { ...getRequestClient(req), latencyMs });
    if (event) insights.record(event);
  } catch (error) {
    req.log.warn({ err: error }, 'Search insight not recorded');
  }
}
