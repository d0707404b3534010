import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs/promises';
import { build, transform, type BuildOptions, type Plugin } from 'esbuild';

/** One built file, served from memory. */
export interface WebAsset {
  contents: Buffer;
  contentType: string;
  /** Short content hash, for cache-busting URLs and ETags. */
  hash: string;
}

export interface WebAssets {
  /** The search and permalink pages' script (`/assets/page.js`). */
  pageJs: WebAsset;
  /** Their stylesheet (`/assets/page.css`). */
  pageCss: WebAsset;
  /** The embeddable widget, styles inlined (`/widget.js`). */
  widgetJs: WebAsset;
  /** The admin page's script, styles inlined (`/assets/admin.js`). */
  adminJs: WebAsset;
}

const SRC = fileURLToPath(new URL('./src/', import.meta.url));

/** Browsers the bundles are written for (syntax only; the code uses no newer APIs than these have). */
export const BROWSER_TARGETS = ['chrome100', 'firefox100', 'safari15', 'edge100'];

const COMMON: BuildOptions = {
  bundle: true,
  minify: true,
  write: false,
  target: BROWSER_TARGETS,
  legalComments: 'none',
  logLevel: 'silent',
  charset: 'utf8',
};

function toAsset(contents: Uint8Array, contentType: string): WebAsset {
  const buffer = Buffer.from(contents);
  return { contents: buffer, contentType, hash: createHash('sha256').update(buffer).digest('hex').slice(0, 12) };
}

/** Import `.css` files as their minified text (the widget puts its styles in its shadow roots). */
const cssAsMinifiedText: Plugin = {
  name: 'css-as-minified-text',
  setup(plugin) {
    plugin.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await transform(await fs.readFile(args.path, 'utf8'), { loader: 'css', minify: true, target: BROWSER_TARGETS });
      return { contents: code.trim(), loader: 'text' };
    });
  },
};

async function bundle(entry: string, options: BuildOptions): Promise<Uint8Array> {
  const result = await build({ ...COMMON, ...options, entryPoints: [SRC + entry] });
  const file = result.outputFiles?.[0];
  if (!file) throw new Error(`buildWebAssets: esbuild wrote nothing for ${entry}`);
  return file.contents;
}

/**
 * Bundle and minify the page, its CSS and the widget with esbuild, in memory (no build step:
 * a clean clone serves them at once). The widget is an IIFE with its CSS as a string.
 */
export async function buildWebAssets(): Promise<WebAssets> {
  const [pageJs, pageCss, widgetJs, adminJs] = await Promise.all([
    bundle('page/main.ts', { format: 'esm', outfile: 'page.js' }),
    bundle('page/page.css', { outfile: 'page.css' }),
    bundle('widget/main.ts', { format: 'iife', outfile: 'widget.js', plugins: [cssAsMinifiedText] }),
    bundle('admin/main.ts', { format: 'esm', outfile: 'admin.js', plugins: [cssAsMinifiedText] }),
  ]);
  return {
    pageJs: toAsset(pageJs, 'text/javascript; charset=utf-8'),
    pageCss: toAsset(pageCss, 'text/css; charset=utf-8'),
    widgetJs: toAsset(widgetJs, 'text/javascript; charset=utf-8'),
    adminJs: toAsset(adminJs, 'text/javascript; charset=utf-8'),
  };
}

let cached: Promise<WebAssets> | null = null;

/** `buildWebAssets()` once per process (a failed build is retried on the next call). */
export function getWebAssets(): Promise<WebAssets> {
  cached ??= buildWebAssets().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}
