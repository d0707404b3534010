import http from 'node:http';
import https from 'node:https';
import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';

/** What the search core needs of Meilisearch: POST a JSON body to a path, get the parsed answer. */
export interface MeiliTransport {
  /**
   * POST `body` (JSON text) to `path` (e.g. `multi-search`, relative to the server's URL).
   *
   * @throws `MeilisearchApiError` on a non-2xx answer, `MeilisearchRequestError` when the
   *   server cannot be reached or does not answer in time (its `cause` is then a
   *   `MeilisearchRequestTimeOutError`), as the meilisearch-js client would.
   */
  post(path: string, body: string): Promise<unknown>;
  /** The headers every request carries (the API key among them), for the benchmark's replay. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface MeiliTransportOptions {
  /** The server, e.g. `http://127.0.0.1:7700` (a path prefix is kept). */
  url: string;
  apiKey?: string | undefined;
  /** Longest wait for one answer, in ms (default: 5000), the time waiting for a socket included. */
  timeoutMs?: number;
  /** Sockets kept open to the server (default: 64). */
  maxSockets?: number;
}

/**
 * A keep-alive `node:http` connection to Meilisearch for the requests of a search, without the
 * meilisearch-js client's per-request work (a `URL`, a `Headers` merged from three sources, an
 * `AbortController` and its listeners, the headers converted back for `node:http`): the headers
 * are built once, a request is one `http.request` and one timer. Measured on the bench searches,
 * the client path cost ~0.8 ms of CPU per request more than this one on the 2 cores here.
 * `node:http` rather than `fetch`: Node 20's fetch writes a POST's headers and body as two TCP
 * segments without TCP_NODELAY, and on loopback half the searches then wait ~40 ms for a delayed
 * ACK (see `api/create-node-http-client.ts`); it also costs twice the CPU of `node:http`.
 *
 * @see https://www.meilisearch.com/docs/reference/api/multi_search
 */
export function createMeiliTransport(options: MeiliTransportOptions): MeiliTransport {
  const base = new URL(options.url);
  const transport = base.protocol === 'https:' ? https : http;
  const agent = new transport.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
  const timeoutMs = options.timeoutMs ?? 5_000;
  const prefix = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  // identity: compressing many ids costs Meilisearch more time than it saves on a loopback hop
  const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-encoding': 'identity' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  const target = { protocol: base.protocol, hostname: base.hostname, port: base.port, method: 'POST', agent };

  function post(path: string, body: string): Promise<unknown> {
    const url = `${base.origin}${prefix}${path}`;
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (error: unknown, value?: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error !== null) reject(error);
        else resolve(value);
      };
      const req = transport.request({ ...target, path: `${prefix}${path}`, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => finish(new MeilisearchRequestError(url, error)));
        res.on('end', () => {
          const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8');
          const status = res.statusCode ?? 0;
          let parsed: unknown;
          try {
            parsed = text === '' ? undefined : JSON.parse(text);
          } catch (error) {
            if (status >= 200 && status < 300) return finish(new MeilisearchRequestError(url, error));
          }
          if (status >= 200 && status < 300) return finish(null, parsed);
          const response = new Response(text, { status: status >= 200 && status <= 599 ? status : 502, statusText: res.statusMessage ?? '' });
          finish(new MeilisearchApiError(response, parsed as ConstructorParameters<typeof MeilisearchApiError>[1]));
        });
      });
      const timer = setTimeout(() => {
        req.destroy();
        finish(new MeilisearchRequestError(url, new MeilisearchRequestTimeOutError(timeoutMs, { method: 'POST', headers })));
      }, timeoutMs);
      req.on('error', (error) => finish(new MeilisearchRequestError(url, error)));
      req.end(body);
    });
  }

  return { post, headers };
}
