import type { Server } from 'node:http';

/**
 * Stop accepting connections and wait for in-flight requests to finish; idle keep-alive
 * connections are closed at once, and any connection still open after `timeoutMs` is cut.
 */
export async function closeServer(server: Server, timeoutMs = 10_000): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
  timer.unref();
  try {
    await closed;
  } finally {
    clearTimeout(timer);
  }
}
