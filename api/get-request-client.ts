import type { Request } from 'express';
import type { SearchClient } from '../src/insights/insight-events.ts';

/**
 * Where a request came from, for the insights, from headers browsers set themselves (no
 * client change, no extra parameter, nothing personal kept): another site's `Origin` means the
 * widget embedded there (its origin is kept); `Sec-Fetch-Site: same-origin` (or this host's own
 * `Origin`) means this service's pages; anything else (curl, a server) is the API.
 * A widget embedded on this same origin (the `/demo` page) counts as the page.
 */
export function getRequestClient(req: Pick<Request, 'get'>): { client: SearchClient; origin: string | null } {
  const origin = req.get('origin');
  if (origin && /^https?:\/\/[^/\s]{1,253}$/i.test(origin)) {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    if (host !== null && host !== req.get('host')) return { client: 'widget', origin: origin.toLowerCase() };
    if (host !== null) return { client: 'page', origin: null };
  }
  if (req.get('sec-fetch-site') === 'same-origin') return { client: 'page', origin: null };
  return { client: 'api', origin: null };
}
