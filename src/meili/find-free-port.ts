import net from 'node:net';

/**
 * Ask the OS for a free TCP port on `host` (default: 127.0.0.1).
 * The port is released before returning, so another process may take it first; callers
 * that bind later retry on "address in use".
 */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('findFreePort: no port assigned'))));
    });
  });
}
