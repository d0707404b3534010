import type { Index, RecordAny } from 'meilisearch';
import type { MeiliTransport } from '../meili/create-meili-transport.ts';

/**
 * Ask Meilisearch not to compress its answers: term searches return many ids, and compressing
 * them costs more time than it saves on a loopback connection to the embedded server.
 */
export const IDENTITY_ENCODING: RequestInit = { headers: { 'accept-encoding': 'identity' } };

/** Where a search goes: the index's uid and the connection its requests are posted on. */
export interface SearchIndex {
  uid: string;
  transport: Pick<MeiliTransport, 'post'>;
}

/**
 * `index` as a `SearchIndex`: the service passes one on its own transport
 * (`createMeiliTransport`); a meilisearch-js `Index` (scripts, tests) posts through its client.
 */
export function toSearchIndex(index: Index<RecordAny> | SearchIndex): SearchIndex {
  if ('transport' in index) return index;
  return {
    uid: index.uid,
    transport: { post: (path, body) => index.httpRequest.post({ path, body, contentType: 'application/json', extraRequestInit: IDENTITY_ENCODING }) },
  };
}
