import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { getWebAssets } from '../web/get-web-assets.ts';

/** The budget of `/widget.js`, styles included, gzipped (issue 5). */
const WIDGET_BUDGET = 12 * 1024;

test(`/widget.js with its styles is at most ${WIDGET_BUDGET} bytes gzipped`, async () => {
  const { widgetJs } = await getWebAssets();
  const gzipped = gzipSync(widgetJs.contents, { level: 9 }).length;
  assert.ok(gzipped <= WIDGET_BUDGET, `widget.js is ${gzipped} bytes gzipped (budget ${WIDGET_BUDGET})`);
  const text = widgetJs.contents.toString('utf8');
  assert.ok(/\.backdrop\{/.test(text), 'the CSS is inlined, minified');
  assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(text), 'no HTML parsing of text');
});

test('the page bundle never parses corpus text as HTML either', async () => {
  const { pageJs } = await getWebAssets();
  assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(pageJs.contents.toString('utf8')));
});
