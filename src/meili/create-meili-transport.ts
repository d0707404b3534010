import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';
import { Pool, type Dispatcher } from 'undici';

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
  /** Close the idle connections (in-flight requests finish first). */
  close(): void;
}

export interface MeiliTransportOptions {
  /** The server, e.g. `http://127.0.0.1:7700` (a path prefix is kept). */
  url: string;
  apiKey?: string | undefined;
  /** Longest wait for one answer, in ms (default: 5000), the time waiting for a connection included. */
  timeoutMs?: number;
  /** Connections kept open to the server at most (default: 64); more requests wait for one. */
  maxSockets?: number;
}

/**
 * Keep-alive HTTP/1.1 connections to Meilisearch for the requests of a search, on undici's
 * `Pool` (the client Node's own `fetch` is built on), without the per-request work of the
 * meilisearch-js client (a `URL`, `Headers` merged from three sources, an `AbortController` and
 * its listeners, `fetch`'s streams). Measured per request on a loopback server answering 24 KB of
 * JSON (CPU, the parse included): global `fetch` ~1.3-1.8 ms, `node:http` with a keep-alive
 * agent ~0.5 ms, undici's `Pool.request` ~0.3-0.4 ms; a hand-written HTTP/1.1 client was about
 * as fast as undici, which is not worth owning a protocol parser. Requests go through
 * `Pool.dispatch` (`send`), which leaves out `Pool.request`'s response stream and `AbortSignal`:
 * on the bench's requests (21 KB answers on average), 1.20-1.29 vs 1.37-1.89 ms of client CPU
 * per request, the parse included, in three runs (load 2-4, 8 and 25;
 * `bench/measure-meili-transport.ts`).
 *
 * Meilisearch only reads on these requests (searches): one whose reused connection turns out
 * closed before the answer began is sent once more (undici retries no POST by itself).
 *
 * @see https://www.meilisearch.com/docs/reference/api/multi_search
 */
export function createMeiliTransport(options: MeiliTransportOptions): MeiliTransport {
  const base = new URL(options.url);
  const timeoutMs = options.timeoutMs ?? 5_000;
  const prefix = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  // identity: compressing many ids costs Meilisearch more time than it saves on a loopback hop
  const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-encoding': 'identity' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  const pool = new Pool(base.origin, { connections: options.maxSockets ?? 64, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const urlOf = (path: string) => `${base.origin}${prefix}${path}`;
  const timedOut = (path: string) => new MeilisearchRequestError(urlOf(path), new MeilisearchRequestTimeOutError(timeoutMs, { method: 'POST', headers }));

  /**
   * One request on the pool's own callbacks (`Dispatcher.dispatch`), the answer collected as
   * bytes: no response stream, no parsed header object, no `AbortSignal` per request (what
   * `pool.request` adds). Rejects with the pool's
   * error, or `TIMED_OUT` at `deadline` (the wait for a connection included).
   */
  function send(path: string, body: string, deadline: number): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      let status = 0;
      const chunks: Buffer[] = [];
      let abort: ((reason: Error) => void) | null = null;
      let done = false;
      const timer = setTimeout(() => {
        if (done) return;
        done = true;
        abort?.(TIMED_OUT);
        reject(TIMED_OUT);
      }, Math.max(0, deadline - Date.now()));
      const finish = (error: unknown, answer?: { status: number; text: string }) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (answer) resolve(answer);
        else reject(error);
      };
      pool.dispatch({ path: `${prefix}${path}`, method: 'POST', headers, body }, {
        onConnect: (abortRequest: (reason: Error) => void) => {
          abort = abortRequest;
          // out of time while it waited for a connection
          if (done) abortRequest(TIMED_OUT);
        },
        onHeaders: (statusCode: number) => {
          // 1xx: informational, the answer follows
          if (statusCode >= 200) status = statusCode;
          return true;
        },
        onData: (chunk: Buffer) => {
          chunks.push(chunk);
          return true;
        },
        onComplete: () => finish(null, { status, text: decodeUtf8(chunks) }),
        onError: (error: Error) => finish(error),
      } as unknown as Dispatcher.DispatchHandler);
    });
  }

  async function post(path: string, body: string): Promise<unknown> {
    // the whole wait, the queue for a connection and a resend included
    const deadline = Date.now() + timeoutMs;
    let answer: { status: number; text: string };
    try {
      answer = await send(path, body, deadline).catch((error: unknown) => {
        if (error === TIMED_OUT || !isClosedBeforeAnswer(error)) throw error;
        return send(path, body, deadline);
      });
    } catch (error) {
      if (error === TIMED_OUT || isTimeout(error)) throw timedOut(path);
      throw new MeilisearchRequestError(urlOf(path), error);
    }
    const ok = answer.status >= 200 && answer.status < 300;
    let parsed: unknown;
    try {
      parsed = answer.text === '' ? undefined : JSON.parse(answer.text);
    } catch (error) {
      if (ok) throw new MeilisearchRequestError(urlOf(path), error);
    }
    if (ok) return parsed;
    throw new MeilisearchApiError(new Response(answer.text, { status: answer.status <= 599 ? answer.status : 502 }), parsed as ConstructorParameters<typeof MeilisearchApiError>[1]);
  }

  return {
    post,
    headers,
    close: () => void pool.close().catch(() => undefined),
  };
}

/** The rejection of a request that ran out of time (compared by identity). */
const TIMED_OUT = new Error('Meilisearch did not answer in time');
TIMED_OUT.name = 'TimeoutError';

/** The answer's bytes as text, as undici's `body.text()` decodes them (a UTF-8 byte order mark dropped). */
function decodeUtf8(chunks: Buffer[]): string {
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return bytes.toString('utf8', bom ? 3 : 0);
}

/** undici's error for a kept-alive connection the server had closed (`other side closed`). */
function isClosedBeforeAnswer(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'UND_ERR_SOCKET';
}

function isTimeout(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || (error as Error | null)?.name === 'TimeoutError';
}
