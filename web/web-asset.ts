import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The content encodings an asset is kept in besides identity, best first. */
export const ASSET_ENCODINGS = ['br', 'gzip'] as const;
export type AssetEncoding = (typeof ASSET_ENCODINGS)[number];

/** One built file of the front end, served from memory. */
export interface WebAsset {
  /** Name without hash (`page.js`): the stable alias. */
  name: string;
  /** Content-hashed file name (`page.3f2a9c01d4e5.js`), served as `/assets/<fileName>` with an immutable cache. */
  fileName: string;
  /** `/assets/<fileName>` */
  url: string;
  contents: Buffer;
  contentType: string;
  /** Short content hash, for the file name and the ETag. */
  hash: string;
  /** Pre-compressed bodies (built once: by `npm run build`, or on the first request in development). */
  encoded: Partial<Record<AssetEncoding, Buffer>>;
}

export interface WebAssets {
  /** The search and permalink pages' script. */
  pageJs: WebAsset;
  /** Their stylesheet. */
  pageCss: WebAsset;
  /** The embeddable widget, styles inlined (also served un-hashed as `/widget.js`). */
  widgetJs: WebAsset;
  /** The insights page's script (`/admin`), styles inlined. */
  adminJs: WebAsset;
}

export const WEB_ASSET_KEYS = ['pageJs', 'pageCss', 'widgetJs', 'adminJs'] as const satisfies readonly (keyof WebAssets)[];

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The content type of an asset name (`.js`, `.css`). */
export function getAssetContentType(name: string): string {
  const type = CONTENT_TYPES[name.slice(name.lastIndexOf('.'))];
  if (!type) throw new Error(`getAssetContentType: no content type for ${name}`);
  return type;
}

/** `page.js` + hash -> `page.<hash>.js` */
export function getHashedFileName(name: string, hash: string): string {
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

/** An asset from its bytes: hash and hashed name; compressed bodies are filled by `getEncodedBody`. */
export function toWebAsset(name: string, contents: Uint8Array): WebAsset {
  const buffer = Buffer.from(contents);
  const hash = createHash('sha256').update(buffer).digest('hex').slice(0, 12);
  const fileName = getHashedFileName(name, hash);
  return { name, fileName, url: `/assets/${fileName}`, contents: buffer, contentType: getAssetContentType(name), hash, encoded: {} };
}

/** Compress at the highest levels: done once per asset, never per request. */
export function compressAsset(contents: Buffer, encoding: AssetEncoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(contents, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: contents.length } })
    : gzipSync(contents, { level: 9 });
}

/** The asset's body in `encoding`, compressed once and kept (the build writes them all ahead). */
export function getEncodedBody(asset: WebAsset, encoding: AssetEncoding): Buffer {
  return (asset.encoded[encoding] ??= compressAsset(asset.contents, encoding));
}

/**
 * The encoding to send for an `Accept-Encoding` header: br, else gzip, else none. Ours is the
 * preference among those the client accepts (q > 0): browsers list gzip before br, so a
 * negotiator that honours the client's order would pick the larger body.
 */
export function pickAssetEncoding(acceptEncoding: string | undefined): AssetEncoding | null {
  const quality = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [token = '', ...params] = part.trim().split(';');
    if (!token) continue;
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    quality.set(token.trim(), q === undefined ? 1 : Number(q));
  }
  return ASSET_ENCODINGS.find((encoding) => (quality.get(encoding) ?? quality.get('*') ?? 0) > 0) ?? null;
}
