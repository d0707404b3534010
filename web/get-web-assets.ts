import { fileURLToPath } from 'node:url';
import { readWebAssets } from './web-asset-files.ts';
import type { WebAssets } from './web-asset.ts';

/** Where `npm run build` puts the bundles: `dist/web/assets/`, beside the compiled router. */
const BUILT_ASSETS = fileURLToPath(new URL('./assets/', import.meta.url));

/**
 * Under tsx, the built assets folder to serve instead of bundling in this process: `npm test`
 * sets it to the `dist/web/assets/` it has just brought up to date, so its test processes do not
 * each run esbuild (and compress) over the same sources.
 */
export const WEB_ASSETS_DIR = 'WEB_ASSETS_DIR';

/**
 * The page and widget bundles: those `npm run build` wrote (the compiled service), else bundled
 * in memory with esbuild (a devDependency, loaded only then: `npm run dev`, the tests), unless
 * WEB_ASSETS_DIR names a build to read.
 */
export async function loadWebAssets(env: NodeJS.ProcessEnv = process.env): Promise<WebAssets> {
  const built = await readWebAssets(BUILT_ASSETS);
  if (built) return built;
  if (import.meta.url.endsWith('.js')) throw new Error(`loadWebAssets: no bundles in ${BUILT_ASSETS}: run npm run build`);
  const dir = env[WEB_ASSETS_DIR];
  if (dir) {
    const given = await readWebAssets(dir);
    if (!given) throw new Error(`loadWebAssets: ${WEB_ASSETS_DIR}=${dir} holds no bundles (no manifest.json)`);
    return given;
  }
  const { buildWebAssets } = await import('./build-web-assets.ts');
  return buildWebAssets();
}

let cached: Promise<WebAssets> | null = null;

/** `loadWebAssets()` once per process (a failure is retried on the next call). */
export function getWebAssets(): Promise<WebAssets> {
  cached ??= loadWebAssets().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}
