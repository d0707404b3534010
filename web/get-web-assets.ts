import { fileURLToPath } from 'node:url';
import { readWebAssets } from './web-asset-files.ts';
import type { WebAssets } from './web-asset.ts';

/** Where `npm run build` puts the bundles: `dist/web/assets/`, beside the compiled router. */
const BUILT_ASSETS = fileURLToPath(new URL('./assets/', import.meta.url));

/**
 * The page and widget bundles: those `npm run build` wrote (the compiled service), else bundled
 * in memory with esbuild (a devDependency, loaded only then: `npm run dev`, the tests).
 */
export async function loadWebAssets(): Promise<WebAssets> {
  const built = await readWebAssets(BUILT_ASSETS);
  if (built) return built;
  if (import.meta.url.endsWith('.js')) throw new Error(`loadWebAssets: no bundles in ${BUILT_ASSETS}: run npm run build`);
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
