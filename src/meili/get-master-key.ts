import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { MeiliStartError } from '../errors/meili-start-error.ts';

/**
 * Read the embedded Meilisearch master key from `keyPath`, creating it on first use:
 * 32 random bytes (base64url, 43 characters; production mode needs 16+ bytes), written
 * with mode 0600 and never logged. An existing file readable by others is tightened to 0600.
 */
export async function getMasterKey(keyPath: string): Promise<{ key: string; created: boolean; tightened: boolean }> {
  const fresh = randomBytes(32).toString('base64url');
  try {
    await fs.writeFile(keyPath, `${fresh}\n`, { flag: 'wx', mode: 0o600 });
    return { key: fresh, created: true, tightened: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new MeiliStartError(`Creating the Meilisearch master key file ${keyPath} failed`, [], { cause: error });
    }
  }
  const stat = await fs.stat(keyPath);
  let tightened = false;
  if ((stat.mode & 0o077) !== 0) {
    await fs.chmod(keyPath, 0o600);
    tightened = true;
  }
  const key = (await fs.readFile(keyPath, 'utf8')).trim();
  if (Buffer.byteLength(key) < 16) {
    throw new MeiliStartError(`The Meilisearch master key in ${keyPath} is shorter than 16 bytes; delete the file to generate a new one (the embedded index data must then be deleted too)`);
  }
  return { key, created: false, tightened };
}
