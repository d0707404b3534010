import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER } from './helpers/launch-test-browser.ts';
import { closingPages, startWebBrowserTest, type WebBrowserTest } from './helpers/start-web-browser-test.ts';

// A widget's data-project and a page URL's project as people write them (`mosn`, `sofa-rpc`):
// mapped to the canonical names the API's filter takes; a name that is no project leaves the
// search unfiltered and says so once in the console, instead of failing every search.
let t: WebBrowserTest;
before(async () => {
  if (!SKIP_BROWSER) t = await startWebBrowserTest();
});
after(async () => {
  await t?.stop();
});
const skip = SKIP_BROWSER;

/**
 * The demo page (another origin than the API) with a second widget tag, floating, whose
 * `data-project` is `project` (a routed page may not load a loopback script); its dialog open.
 */
async function openDemo(project: string): Promise<{ page: Page; warnings: string[] }> {
  const page = await t.newPage();
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto(`${t.otherOrigin}/demo`);
  await page.locator('#faq-search weekly-faq-search button.trigger').waitFor();
  await page.evaluate(({ src, project }) => {
    const script = document.createElement('script');
    script.src = src;
    script.dataset.project = project;
    document.body.append(script);
  }, { src: `${t.origin}/widget.js`, project });
  await page.locator('weekly-faq-search.floating button.trigger').click();
  return { page, warnings };
}

async function search(page: Page, query: string, totalHits: number): Promise<void> {
  await page.locator('weekly-faq-dialog input').last().fill(query);
  await page.locator('weekly-faq-dialog .status', { hasText: `${totalHits} ${totalHits === 1 ? 'result' : 'results'} for “${query}”` }).waitFor();
}

test('widget data-project="mosn" filters to MOSN', { skip }, closingPages(async () => {
  const expected = await t.apiSearch('q=timeout&project=MOSN&hitsPerPage=8');
  const all = await t.apiSearch('q=timeout&hitsPerPage=8');
  assert.ok(all.totalHits > expected.totalHits, 'the filter makes a difference');
  const { page, warnings } = await openDemo('mosn');
  await search(page, 'timeout', expected.totalHits);
  for (const tags of await page.locator('weekly-faq-dialog [role=option] .m').allTextContents()) assert.match(tags, /MOSN/);
  assert.equal(await page.locator('weekly-faq-dialog .msg.err').count(), 0);
  assert.deepEqual(warnings, []);
  assert.deepEqual(t.problems, []);
}));

test('widget data-project naming no project: searches everything and warns once in the console', { skip }, closingPages(async () => {
  const all = await t.apiSearch('q=timeout&hitsPerPage=8');
  const { page, warnings } = await openDemo('nosuch');
  await search(page, 'timeout', all.totalHits);
  await search(page, '超时', (await t.apiSearch(`q=${encodeURIComponent('超时')}&hitsPerPage=8`)).totalHits);
  assert.equal(await page.locator('weekly-faq-dialog .msg.err').count(), 0);
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0]!, /no project named "nosuch" \(known: .*MOSN.*\); searching every project instead/);
  assert.deepEqual(t.problems, []);
}));

test('page ?project=mosn opens the MOSN-filtered search, with the canonical name in the URL', { skip }, closingPages(async () => {
  const expected = await t.apiSearch('q=timeout&project=MOSN');
  const page = await t.newPage();
  await page.goto(`${t.origin}/?q=timeout&project=mosn`);
  await page.waitForURL(/project=MOSN/);
  await page.locator('.results .status', { hasText: `${expected.totalHits} ${expected.totalHits === 1 ? 'result' : 'results'} for “timeout”` }).waitFor();
  assert.ok(await page.locator('#facet-projects input[value="MOSN"]').isChecked());
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.deepEqual(t.problems, []);
}));
