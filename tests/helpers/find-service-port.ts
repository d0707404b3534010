import net from 'node:net';

/** Linux's default ephemeral range starts here (`/proc/sys/net/ipv4/ip_local_port_range`). */
const EPHEMERAL_START = 32768;

/**
 * A port for a server a test starts (the service, an orphan Meilisearch, the page's app), found
 * free on every address as the service binds it. It is picked below the ephemeral range, not by
 * asking the OS for port 0: a port from that range can be taken as the local port of any outgoing
 * connection (the run's many HTTP clients) between the check and the bind, which failed a CI run
 * with "port ... is already in use" (2026-12-01). Random, so concurrent tests rarely pick the same.
 */
export async function findServicePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * (EPHEMERAL_START - 20_000));
    if (await canListen(port)) return port;
  }
  throw new Error(`findServicePort: no free port in 20000-${EPHEMERAL_START - 1}`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}
