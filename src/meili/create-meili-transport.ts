import net from 'node:net';
import tls from 'node:tls';
import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';
import { readHttpResponse, type HttpResponse } from './read-http-response.ts';

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

interface Request {
  path: string;
  body: string;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout | undefined;
  /** The connection carrying it, while it does. */
  connection: Connection | null;
  /** Sent again once already (its reused connection was closed before any answer). */
  retried: boolean;
  settled: boolean;
}

interface Connection {
  socket: net.Socket;
  /** Bytes of the current answer so far. */
  chunks: Buffer[];
  request: Request | null;
  /** It carried an answer before (so the server may have closed it meanwhile). */
  used: boolean;
  closed: boolean;
}

/**
 * Keep-alive HTTP/1.1 connections to Meilisearch for the requests of a search: each request is
 * one preformatted write and its answer is framed by `readHttpResponse`, without the
 * per-request work of the meilisearch-js client (a `URL`, `Headers` merged from three sources,
 * an `AbortController` and its listeners) or of `node:http` (a `ClientRequest`, header
 * validation, the agent's bookkeeping, an `IncomingMessage` stream). Measured on the bench
 * searches on the 2 cores here (CPU per request, the JSON parse of the answer included): the
 * client on `node:http` ~1.9-2.2 ms, `node:http` alone ~1.4-1.7 ms, a preformatted write on a
 * socket ~1.0 ms. Not `fetch`: Node 20's fetch costs twice the CPU of `node:http` and writes a
 * POST's headers and body as two TCP segments (see `api/create-node-http-client.ts`).
 *
 * Meilisearch only reads on these requests (searches): one whose reused connection turns out
 * closed before any byte of the answer is sent once more on a new connection.
 *
 * @see https://www.meilisearch.com/docs/reference/api/multi_search
 */
export function createMeiliTransport(options: MeiliTransportOptions): MeiliTransport {
  const base = new URL(options.url);
  const secure = base.protocol === 'https:';
  const port = Number(base.port || (secure ? 443 : 80));
  const timeoutMs = options.timeoutMs ?? 5_000;
  const maxSockets = options.maxSockets ?? 64;
  const prefix = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  // identity: compressing many ids costs Meilisearch more time than it saves on a loopback hop
  const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-encoding': 'identity' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  const headerLines = Object.entries({ host: base.host, ...headers }).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  const idle: Connection[] = [];
  const queue: Request[] = [];
  let open = 0;

  const urlOf = (path: string) => `${base.origin}${prefix}${path}`;

  function settle(request: Request, error: unknown, value?: unknown): void {
    if (request.settled) return;
    request.settled = true;
    clearTimeout(request.timer);
    if (error !== null) request.reject(error);
    else request.resolve(value);
  }

  function connect(): Connection {
    const socket = secure ? tls.connect({ host: base.hostname, port, servername: base.hostname }) : net.connect({ host: base.hostname, port });
    socket.setNoDelay(true);
    open += 1;
    const connection: Connection = { socket, chunks: [], request: null, used: false, closed: false };
    socket.on('data', (chunk: Buffer) => onData(connection, chunk));
    socket.on('error', (error) => onClosed(connection, error));
    socket.on('close', () => onClosed(connection, new Error('the connection closed before the answer')));
    return connection;
  }

  /** The connection is gone (an error, then its close: handled once). */
  function onClosed(connection: Connection, error: Error): void {
    if (connection.closed) return;
    connection.closed = true;
    open -= 1;
    const at = idle.indexOf(connection);
    if (at >= 0) idle.splice(at, 1);
    connection.socket.destroy();
    const { request } = connection;
    connection.request = null;
    if (request && !request.settled) {
      request.connection = null;
      if (connection.used && !request.retried && connection.chunks.length === 0) {
        request.retried = true;
        dispatch(request);
      } else {
        settle(request, new MeilisearchRequestError(urlOf(request.path), error));
      }
    }
    next();
  }

  function onData(connection: Connection, chunk: Buffer): void {
    const { request } = connection;
    if (!request) {
      connection.socket.destroy(); // bytes nobody asked for: the connection is out of step
      return;
    }
    connection.chunks.push(chunk);
    let response: HttpResponse | null;
    try {
      response = readHttpResponse(connection.chunks);
    } catch (error) {
      connection.request = null;
      request.connection = null;
      settle(request, new MeilisearchRequestError(urlOf(request.path), error));
      connection.socket.destroy();
      return;
    }
    if (!response) return;
    connection.chunks = [];
    connection.request = null;
    connection.used = true;
    request.connection = null;
    if (response.keepAlive) {
      connection.socket.unref(); // an idle connection does not keep the process alive
      idle.push(connection);
    } else {
      connection.socket.destroy();
    }
    answer(request, response);
    next();
  }

  function answer(request: Request, response: HttpResponse): void {
    const text = response.body.toString('utf8');
    const ok = response.status >= 200 && response.status < 300;
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch (error) {
      if (ok) return settle(request, new MeilisearchRequestError(urlOf(request.path), error));
    }
    if (ok) return settle(request, null, parsed);
    settle(request, new MeilisearchApiError(new Response(text, { status: response.status <= 599 ? response.status : 502 }), parsed as ConstructorParameters<typeof MeilisearchApiError>[1]));
  }

  /** An idle connection, a new one while fewer than `maxSockets` are open, or none. */
  const takeConnection = () => idle.pop() ?? (open < maxSockets ? connect() : null);

  function send(connection: Connection, request: Request): void {
    connection.request = request;
    connection.chunks = [];
    request.connection = connection;
    connection.socket.ref();
    connection.socket.write(`POST ${prefix}${request.path} HTTP/1.1\r\n${headerLines}content-length: ${Buffer.byteLength(request.body)}\r\n\r\n${request.body}`);
  }

  function dispatch(request: Request): void {
    const connection = queue.length === 0 ? takeConnection() : null;
    if (connection) send(connection, request);
    else queue.push(request);
  }

  /** Send the waiting requests on the connections free now. */
  function next(): void {
    while (queue.length > 0) {
      if (queue[0]!.settled) {
        queue.shift();
        continue;
      }
      const connection = takeConnection();
      if (!connection) return;
      send(connection, queue.shift()!);
    }
  }

  function post(path: string, body: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const request: Request = { path, body, resolve, reject, timer: undefined, connection: null, retried: false, settled: false };
      request.timer = setTimeout(() => {
        settle(request, new MeilisearchRequestError(urlOf(path), new MeilisearchRequestTimeOutError(timeoutMs, { method: 'POST', headers })));
        // its connection would read the late answer as the next request's: close it
        request.connection?.socket.destroy();
      }, timeoutMs);
      dispatch(request);
    });
  }

  function close(): void {
    for (const connection of idle.splice(0)) connection.socket.destroy();
  }

  return { post, headers, close };
}
