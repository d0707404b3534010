import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ASSET_ENCODINGS, getAssetContentType, getEncodedBody, getHashedFileName, WEB_ASSET_KEYS, type WebAsset, type WebAssets } from './web-asset.ts';

/** What `manifest.json` of a built assets folder holds: each asset's name and hash. */
const entry = z.object({ name: z.string().regex(/^[\w-]+\.(js|css)$/), hash: z.string().regex(/^[0-9a-f]{12}$/) });
const manifestSchema = z.object({ pageJs: entry, pageCss: entry, widgetJs: entry, adminJs: entry } satisfies Record<keyof WebAssets, typeof entry>);

export const MANIFEST = 'manifest.json';

/**
 * Write the assets into `dir` as `npm run build` ships them: each under its hashed name with
 * `.br` and `.gz` beside it, and `manifest.json` naming them.
 */
export async function writeWebAssets(assets: WebAssets, dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const manifest: Record<string, { name: string; hash: string }> = {};
  for (const key of WEB_ASSET_KEYS) {
    const asset = assets[key];
    manifest[key] = { name: asset.name, hash: asset.hash };
    await fs.writeFile(path.join(dir, asset.fileName), asset.contents);
    await fs.writeFile(path.join(dir, `${asset.fileName}.br`), getEncodedBody(asset, 'br'));
    await fs.writeFile(path.join(dir, `${asset.fileName}.gz`), getEncodedBody(asset, 'gzip'));
  }
  await fs.writeFile(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

const EXTENSIONS = { br: '.br', gzip: '.gz' } as const;

/**
 * Read assets written by `writeWebAssets`, or `null` when `dir` has no manifest (not a build).
 * Throws, naming the file, when the build is incomplete.
 */
export async function readWebAssets(dir: string): Promise<WebAssets | null> {
  const text = await fs.readFile(path.join(dir, MANIFEST), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return null;
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`readWebAssets: ${path.join(dir, MANIFEST)} is not a web assets manifest (${parsed.error.message}): run npm run build`);
  const read = async (key: (typeof WEB_ASSET_KEYS)[number]): Promise<WebAsset> => {
    const { name, hash } = parsed.data[key];
    const fileName = getHashedFileName(name, hash);
    const file = (suffix: string) => fs.readFile(path.join(dir, fileName + suffix));
    const [contents, ...encoded] = await Promise.all([file(''), ...ASSET_ENCODINGS.map((encoding) => file(EXTENSIONS[encoding]))]);
    return {
      name, fileName, url: `/assets/${fileName}`, contents, contentType: getAssetContentType(name), hash,
      encoded: Object.fromEntries(ASSET_ENCODINGS.map((encoding, i) => [encoding, encoded[i]])),
    };
  };
  const [pageJs, pageCss, widgetJs, adminJs] = await Promise.all(WEB_ASSET_KEYS.map(read));
  return { pageJs: pageJs!, pageCss: pageCss!, widgetJs: widgetJs!, adminJs: adminJs! };
}
