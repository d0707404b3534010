import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { test } from 'node:test';
import { loadWebAssets, WEB_ASSETS_DIR } from '../web/get-web-assets.ts';
import { toWebAsset, type WebAssets } from '../web/web-asset.ts';
import { writeWebAssets } from '../web/web-asset-files.ts';
import { makeTempDir } from './helpers/start-test-meili.ts';

// npm test hands its test processes the bundles of the dist/ it has just built (WEB_ASSETS_DIR):
// under tsx they are served from there instead of bundled again in every process.
test('under tsx, WEB_ASSETS_DIR serves the bundles of a build; a folder without one is an error naming it', async () => {
  const dir = await makeTempDir();
  try {
    await assert.rejects(loadWebAssets({ [WEB_ASSETS_DIR]: dir }), (error: Error) => error.message.includes(`WEB_ASSETS_DIR=${dir} holds no bundles`));
    const text = (s: string) => new TextEncoder().encode(s);
    const built: WebAssets = {
      pageJs: toWebAsset('page.js', text('/* page */')), pageCss: toWebAsset('page.css', text('/* css */')),
      widgetJs: toWebAsset('widget.js', text('/* widget */')), adminJs: toWebAsset('admin.js', text('/* admin */')),
    };
    await writeWebAssets(built, dir);
    const served = await loadWebAssets({ [WEB_ASSETS_DIR]: dir });
    assert.equal(served.widgetJs.contents.toString('utf8'), '/* widget */');
    assert.equal(served.pageJs.url, built.pageJs.url, 'the same hashed name');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
