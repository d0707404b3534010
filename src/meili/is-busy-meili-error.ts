import { MeilisearchApiError } from 'meilisearch';

/**
 * Statuses with which Meilisearch answers a request it did not take in, so that sending it again
 * changes nothing it already did: 408 when a busy server (indexing, a loaded machine) did not read
 * the request in time (meilisearch/meilisearch#1202; seen here during the 100x reindex bench at
 * load 7), 429 and 503 when it sheds load. Network errors are not here: a request whose
 * connection broke may have been carried out, and a swap or a delete must not run twice.
 */
const BUSY_STATUSES = new Set([408, 429, 503]);

/** True when `error` is Meilisearch saying "too busy, not done": the same request may be sent again. */
export function isBusyMeiliError(error: unknown): boolean {
  return error instanceof MeilisearchApiError && BUSY_STATUSES.has(error.response.status);
}
