// Build time only: esbuild is a devDependency. `npm run build` writes these bundles into dist/;
// the compiled server reads them from there (get-web-assets.ts) and never loads this module.
import { fileURLToPath } from 'node:url';
import fs from 'node:fs/promises';
import { build, transform, type BuildOptions, type Plugin } from 'esbuild';
import { toWebAsset, type WebAssets } from './web-asset.ts';

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
 * Bundle and minify the page, its CSS and the widget with esbuild, in memory. The widget is an
 * IIFE with its CSS as a string. The one bundling step: `npm run build` writes its output to
 * dist/ (scripts/build.ts), and under tsx (`npm run dev`, the tests) the app calls it at start.
 */
export async function buildWebAssets(): Promise<WebAssets> {
  const [pageJs, pageCss, widgetJs, adminJs] = await Promise.all([
    bundle('page/main.ts', { format: 'esm', outfile: 'page.js' }),
    bundle('page/page.css', { outfile: 'page.css' }),
    bundle('widget/main.ts', { format: 'iife', outfile: 'widget.js', plugins: [cssAsMinifiedText] }),
    bundle('admin/main.ts', { format: 'esm', outfile: 'admin.js', plugins: [cssAsMinifiedText] }),
  ]);
  return { pageJs: toWebAsset('page.js', pageJs), pageCss: toWebAsset('page.css', pageCss), widgetJs: toWebAsset('widget.js', widgetJs), adminJs: toWebAsset('admin.js', adminJs) };
}
