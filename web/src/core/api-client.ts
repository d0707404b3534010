import type { ApiRecord, SearchResult } from './api-types.ts';
import { getQueryString, type SearchParams } from './search-params.ts';

/**
 * A failed API call. `code` is the API's error code (`search-unavailable`, `not-found`, ...),
 * or `network` when no answer came, or `bad-response` when the answer was not the API's JSON.
 */
export class ApiClientError extends Error {
  override name = 'ApiClientError';
  constructor(readonly code: string, message: string, readonly status: number | null = null) {
    super(message);
  }
}

export interface ApiClient {
  /** `GET /api/search` for `params`. Rejects with ApiClientError (or an AbortError when aborted). */
  search(params: SearchParams, signal?: AbortSignal): Promise<SearchResult>;
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

/** A client of the weekly-faq API (the contract is `/openapi.json`). */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const hitsPerPage = options.hitsPerPage ?? 10;

  async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
    const doFetch = options.fetch ?? fetch;
    let response: Response;
    try {
      response = await doFetch(base + path, { signal, headers: { Accept: 'application/json' } });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiClientError('network', `GET ${path}: no answer from the API`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiClientError('bad-response', `GET ${path}: answered ${response.status} without JSON`, response.status);
    }
    if (!response.ok) {
      const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      const code = typeof error?.code === 'string' ? error.code : `http-${response.status}`;
      const message = typeof error?.message === 'string' ? error.message : `GET ${path}: answered ${response.status}`;
      throw new ApiClientError(code, message, response.status);
    }
    return body as T;
  }

  return {
    search(params, signal) {
      const query = getQueryString(params);
      return get<SearchResult>(`/api/search?${query ? `${query}&` : ''}hitsPerPage=${hitsPerPage}`, signal);
    },
    getRecord(id, signal) {
      return get<ApiRecord>(`/api/qa/${encodeURIComponent(id)}`, signal);
    },
  };
}
