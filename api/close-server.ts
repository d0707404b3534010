import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

interface ConnectionState {
  /** Requests of this connection not yet answered. */
  inFlight: number;
  /** When its last response ended (or it connected). */
  idleSince: number;
}

interface Tracker {
  closing: boolean;
  connections: Map<Socket, ConnectionState>;
  responses: Set<ServerResponse>;
}

const TRACKERS = new WeakMap<Server, Tracker>();

/**
 * Track `server`'s connections and requests so that `closeServer` can close it gracefully.
 * Call once, before it accepts connections. Once closing, every response carries
 * `Connection: close`, so a keep-alive client learns to go away on its next answer.
 */
export function trackConnections(server: Server): void {
  if (TRACKERS.has(server)) return;
  const tracker: Tracker = { closing: false, connections: new Map(), responses: new Set() };
  TRACKERS.set(server, tracker);
  const stateOf = (socket: Socket): ConnectionState => {
    let state = tracker.connections.get(socket);
    if (!state) {
      state = { inFlight: 0, idleSince: Date.now() };
      tracker.connections.set(socket, state);
      socket.once('close', () => tracker.connections.delete(socket));
    }
    return state;
  };
  server.on('connection', (socket: Socket) => void stateOf(socket));
  // prepended: runs before the app's own listener can answer
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const state = stateOf(req.socket);
    state.inFlight++;
    tracker.responses.add(res);
    if (tracker.closing) res.setHeader('Connection', 'close');
    res.once('close', () => {
      state.inFlight--;
      state.idleSince = Date.now();
      tracker.responses.delete(res);
      // headers went out with keep-alive before the close began: end the connection now that it is idle
      if (tracker.closing && state.inFlight === 0 && !req.socket.destroyed) req.socket.end();
    });
  });
}

export interface CloseServerOptions {
  /** Cut every connection still open after this many ms (default: 10 000). */
  timeoutMs?: number;
  /**
   * Close a connection once it has been idle this long (default: 1 s). Not 0: a keep-alive
   * client may have sent its next request the instant its connection looked idle, and
   * closing then would reset that request; a busy client is never idle this long, and gets
   * `Connection: close` on its next answer instead.
   */
  idleMs?: number;
}

/**
 * Close an HTTP server gracefully: stop accepting connections, answer the requests in flight
 * (with `Connection: close`), close idle keep-alive connections, and resolve as soon as no
 * connection is left; any still open after `timeoutMs` is cut. Without `trackConnections`,
 * idle connections are simply closed at once.
 */
export async function closeServer(server: Server, options: CloseServerOptions | number = {}): Promise<void> {
  const { timeoutMs = 10_000, idleMs = 1_000 } = typeof options === 'number' ? { timeoutMs: options } : options;
  if (!server.listening) return;
  const tracker = TRACKERS.get(server);
  if (!tracker) {
    const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    server.closeIdleConnections();
    const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
    try {
      await closed;
    } finally {
      clearTimeout(timer);
    }
    return;
  }
  tracker.closing = true;
  // net.Server's close: stop listening. http.Server's own close() also destroys every connection
  // idle at this instant, resetting requests that were already on their way on them.
  const closed = new Promise<void>((resolve, reject) => NetServer.prototype.close.call(server, (error?: Error) => (error ? reject(error) : resolve())));
  for (const res of tracker.responses) if (!res.headersSent) res.setHeader('Connection', 'close');
  const sweep = () => {
    const now = Date.now();
    const candidates: [Socket, ConnectionState, number, number][] = [];
    for (const [socket, state] of tracker.connections) {
      // a connection that has not sent a byte yet is a client about to send its first request (on a
      // starved process it may wait seconds to be read): give it longer than a used one
      const limit = socket.bytesRead === 0 ? Math.max(idleMs, 5_000) : idleMs;
      if (state.inFlight === 0 && now - state.idleSince >= limit) candidates.push([socket, state, state.idleSince, socket.bytesRead]);
    }
    // Timers run before the event loop reads sockets: on a busy process a request may be waiting
    // unread on a connection that only looks idle. Decide after the next poll phase.
    if (candidates.length) {
      setImmediate(() => {
        for (const [socket, state, idleSince, bytesRead] of candidates) {
          if (state.inFlight === 0 && state.idleSince === idleSince && socket.bytesRead === bytesRead) socket.destroy();
        }
      });
    }
  };
  sweep();
  const sweeper = setInterval(sweep, Math.max(10, Math.min(idleMs, 50)));
  const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
  try {
    await closed;
  } finally {
    clearInterval(sweeper);
    clearTimeout(timer);
    server.closeAllConnections(); // releases the connections-checking timer of http.Server
  }
}
