import type { ApiRecord, SearchAnswer } from './api-types.ts';
import { fitsInUrl, getQueryString, type SearchParams } from './search-params.ts';

/**
 * A failed API call. `code` is the API's error code (`search-unavailable`, `not-found`, ...),
 * or `network` when no answer came, or `bad-response` when the answer was not the API's JSON.
 * The message says what went wrong in the reader's words (the API's own message when it gave
 * one), never the request's URL: a long question's URL is kilobytes of percent escapes.
 * `retryAfter`: the seconds a 429 or 503 asked to wait (`Retry-After`), else null;
 * `parameter`: the request parameter a 400 named (`project`), else null; `value`: the one item
 * of a list it refused (`nope` of `project=mosn,nope`), else null.
 */
export class ApiClientError extends Error {
  override name = 'ApiClientError';
  constructor(readonly code: string, message: string, readonly status: number | null = null, readonly retryAfter: number | null = null, readonly parameter: string | null = null, readonly value: string | null = null) {
    super(message);
  }
}

export interface ApiClient {
  /** `GET /api/search` for `params` (`POST` when the query string would be long). Rejects with ApiClientError (or an AbortError when aborted). */
  search(params: SearchParams, signal?: AbortSignal): Promise<SearchAnswer>;
  /** `GET /api/qa/:id`. Rejects with ApiClientError `not-found` when there is no such record. */
  getRecord(id: string, signal?: AbortSignal): Promise<ApiRecord>;
}

export interface ApiClientOptions {
  /** Origin (and optional path) of the API, without a trailing slash; `''` for the page's own origin. */
  baseUrl: string;
  /** Hits per page (default: 10). */
  hitsPerPage?: number;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
}

/** What an HTTP status without the API's JSON error means, for a reader. */
function describeStatus(status: number): string {
  if (status === 413 || status === 414 || status === 431) return 'the question is too long to send';
  if (status === 429) return 'too many searches';
  return `the search service answered with HTTP ${status}`;
}

/** `Retry-After` in seconds (a number of seconds or an HTTP date), or null. */
function getRetryAfter(response: Response): number | null {
  const value = response.headers.get('Retry-After');
  if (!value) return null;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : null;
}

/** A client of the weekly-faq API (the contract is `/openapi.json`). */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const hitsPerPage = options.hitsPerPage ?? 10;

  async function call<T>(path: string, signal?: AbortSignal, body?: unknown): Promise<T> {
    const doFetch = options.fetch ?? fetch;
    let response: Response;
    try {
      response = await doFetch(base + path, body === undefined
        ? { signal, headers: { Accept: 'application/json' } }
        : { signal, method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiClientError('network', 'no answer from the search service');
    }
    const retryAfter = getRetryAfter(response);
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiClientError('bad-response', response.ok ? 'the search service answered without JSON' : describeStatus(response.status), response.status, retryAfter);
    }
    if (!response.ok) {
      const error = (json as { error?: { code?: unknown; message?: unknown; parameter?: unknown; value?: unknown } } | null)?.error;
      const code = typeof error?.code === 'string' ? error.code : `http-${response.status}`;
      const message = typeof error?.message === 'string' ? error.message : describeStatus(response.status);
      const text = (field: unknown) => (typeof field === 'string' ? field : null);
      throw new ApiClientError(code, message, response.status, retryAfter, text(error?.parameter), text(error?.value));
    }
    return json as T;
  }

  return {
    search(params, signal) {
      const query = getQueryString(params);
      // a pair reposted in another week is one result, naming the other post (`alsoIn`)
      const path = `/api/search?${query ? `${query}&` : ''}hitsPerPage=${hitsPerPage}&copies=fold`;
      if (fitsInUrl(path)) return call<SearchAnswer>(path, signal);
      const { q, projects: project, years: year, from, to, sort, page } = params;
      return call<SearchAnswer>('/api/search', signal, { q, project, year, ...(from && { from }), ...(to && { to }), sort, page, hitsPerPage, copies: 'fold' });
    },
    getRecord(id, signal) {
      return call<ApiRecord>(`/api/qa/${encodeURIComponent(id)}`, signal);
    },
  };
}
