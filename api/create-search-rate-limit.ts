import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { RateLimitedError } from '../src/errors/rate-limited-error.ts';

/**
 * Per-client-IP limit of `/api/search`: `limit` requests per minute (SEARCH_RATE_LIMIT; 0: no
 * limit). Over it: 429 with `Retry-After` (set by express-rate-limit) and our JSON error body.
 * Counts live in memory, per process. Behind a reverse proxy every client has the proxy's IP
 * unless Express's `trust proxy` is set (TRUST_PROXY).
 *
 * The library's own configuration checks are off: they print multi-line stack traces with
 * console.error (outside the JSON log) on the first request with X-Forwarded-For or
 * Forwarded, which any client can send; TRUST_PROXY is validated with the rest of the config.
 *
 * @see https://express-rate-limit.mintlify.app/reference/configuration
 */
export function createSearchRateLimit(limit: number): RequestHandler {
  return createPerClientRateLimit(limit, `Search: more than ${limit} requests per minute from this address; slow down`);
}

/** Client keys remembered at most (then forgotten all at once). */
const MAX_KEYS = 10_000;

/**
 * The library's own key of a client address (`ipKeyGenerator`: an IPv6 address by its /56, an
 * IPv4-mapped one as IPv4), remembered: it parses every address with the `ip-address` package,
 * which cost ~3% of the API's CPU per search, for the few addresses a process sees.
 */
function createClientKey(): (ip: string | undefined) => string {
  const keys = new Map<string, string>();
  return (ip) => {
    if (ip === undefined) return ipKeyGenerator(ip as unknown as string, 56); // as the library's own key generator
    let key = keys.get(ip);
    if (key === undefined) {
      if (keys.size >= MAX_KEYS) keys.clear();
      key = ipKeyGenerator(ip, 56);
      keys.set(ip, key);
    }
    return key;
  };
}

/** `limit` requests per minute per client IP (0: no limit), else a `RateLimitedError` saying `tooMany`. */
export function createPerClientRateLimit(limit: number, tooMany: string): RequestHandler {
  if (limit <= 0) return (_req, _res, next) => next();
  const clientKey = createClientKey();
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    validate: false,
    keyGenerator: (req) => clientKey(req.ip),
    handler: (_req, _res, next) => next(new RateLimitedError(tooMany)),
  });
}
