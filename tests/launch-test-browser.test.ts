import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PLAYWRIGHT_DISABLED_FEATURES } from './helpers/launch-test-browser.ts';

test('the browser tests keep every feature playwright-core disables (Chromium reads only our later --disable-features)', async () => {
  // the list in playwright-core's bundle (`disabledFeatures = [ ... ]` of chromiumSwitches.ts)
  const bundle = await readFile(fileURLToPath(new URL('lib/coreBundle.js', import.meta.resolve('playwright-core'))), 'utf8');
  const list = /\bdisabledFeatures = \[([\s\S]*?)\]/.exec(bundle);
  assert.ok(list, 'playwright-core no longer has a disabledFeatures list where this test looks: check tests/helpers/launch-test-browser.ts by hand');
  const theirs = [...list[1]!.replace(/\/\/.*$/gm, '').matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
  assert.ok(theirs.length > 5, `found only ${theirs.join(', ')}`);
  assert.deepEqual(theirs.filter((feature) => !PLAYWRIGHT_DISABLED_FEATURES.includes(feature)), [], 'add them to PLAYWRIGHT_DISABLED_FEATURES');
});
