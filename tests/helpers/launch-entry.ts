import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LAUNCH = fileURLToPath(new URL('../../scripts/launch.mjs', import.meta.url));

/**
 * The arguments for `process.execPath` that run a compiled entry (`indexer/cli/index-cli.js`,
 * `api/main.js`) the way `npm start` / `npm run index` do: through `scripts/launch.mjs`, on
 * `dist/` (built first when stale; `npm test` brings it up to date before any file runs). A CLI
 * test then checks what users run, and starts in a third of the CPU of the sources under tsx.
 */
export function launchArgs(entry: string, ...args: string[]): string[] {
  return [LAUNCH, path.normalize(entry), ...args];
}

/**
 * Set by `npm test` (tests/run-tests.ts) to the `dist/` it has just brought up to date with
 * `scripts/launch.mjs --build` (which runs `buildDist`): tests that check the build read that one
 * instead of building it again. Unset when a file runs on its own.
 */
export const BUILT_DIST = 'TEST_BUILT_DIST';
