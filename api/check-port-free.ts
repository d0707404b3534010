import net from 'node:net';
import { ConfigError } from '../src/errors/config-error.ts';

/** What a failed `listen` on PORT means to the operator, as a ConfigError naming PORT; other errors as they are. */
export function toPortError(error: unknown, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return new ConfigError('PORT', `port ${port} is already in use by another process: stop it or choose another PORT`, { cause: error });
  if (code === 'EACCES') return new ConfigError('PORT', `port ${port} needs privileges this process does not have: choose a PORT above 1023`, { cause: error });
  return error;
}

/**
 * Listen on `port` the way the service will (every address) and close again, so a port taken by
 * another process stops the start at once rather than after the start-up index, which on a first
 * start clones and indexes the source for minutes. The port can still be taken in between: the
 * service's own listen reports that with the same message.
 *
 * @throws {ConfigError} naming PORT when it is in use or not allowed.
 */
export async function checkPortFree(port: number): Promise<void> {
  const probe = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject).listen(port, resolve);
    });
  } catch (error) {
    throw toPortError(error, port);
  } finally {
    await new Promise<void>((resolve) => (probe.listening ? probe.close(() => resolve()) : resolve()));
  }
}
