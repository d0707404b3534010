import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page, Route } from 'playwright-core';
import { SKIP_BROWSER } from './helpers/launch-test-browser.ts';
import { closingPages, useWebBrowserTest } from './helpers/start-web-browser-test.ts';

// Too many searches (429 with Retry-After): the page and the widget say so and when they try
// again, then search again once by themselves; never "change the question".
const t = useWebBrowserTest();
const skip = SKIP_BROWSER;

/** Answer the next search of `page` with the API's 429 (Retry-After: 2); later ones go through. Counts the searches. */
async function limitNextSearch(page: Page): Promise<{ searches: number }> {
  const seen = { searches: 0 };
  await page.route('**/api/search**', (route: Route) => {
    if (route.request().method() === 'OPTIONS') return route.continue();
    seen.searches += 1;
    if (seen.searches > 1) return route.continue();
    return route.fulfill({
      status: 429,
      contentType: 'application/json',
      // the API's CORS headers, so the widget on another origin may read Retry-After
      headers: { 'Retry-After': '2', 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'X-Request-Id, ETag, Retry-After' },
      body: JSON.stringify({ error: { code: 'rate-limited', message: 'Too many searches from this address: at most 60 a minute' } }),
    });
  });
  return seen;
}

test('the page: "Too many searches: trying again in 2 s", then the results, with one retry', { skip }, closingPages(async () => {
  const expected = await t.apiSearch('q=election');
  const page = await t.newPage();
  await page.goto(`${t.origin}/`);
  await page.locator('.hit').first().waitFor();
  const seen = await limitNextSearch(page);
  await page.locator('#q').fill('election');
  const alert = page.getByRole('alert');
  await alert.getByText('Too many searches: trying again in 2 s.').waitFor();
  assert.equal(await page.getByText(/Change the question/).count(), 0);
  assert.equal(await page.getByText('This search could not be run.').count(), 0);
  await page.locator('.results .status', { hasText: `${expected.totalHits} ${expected.totalHits === 1 ? 'result' : 'results'} for “election”` }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.equal(seen.searches, 2, 'the limited search and its one retry');
  t.problems.length = 0; // the 429 logs a console error by design
}));

test('the widget: the same across origins', { skip }, closingPages(async () => {
  const expected = await t.apiSearch('q=timeout&project=MOSN&hitsPerPage=8');
  const page = await t.newPage();
  await page.goto(`${t.otherOrigin}/demo`);
  await page.locator('weekly-faq-search button.trigger').click();
  const seen = await limitNextSearch(page);
  await page.locator('weekly-faq-dialog input').fill('timeout');
  await page.locator('weekly-faq-dialog .msg.err', { hasText: 'Too many searches: trying again in 2 s.' }).waitFor();
  await page.locator('weekly-faq-dialog .status', { hasText: `${expected.totalHits} results for “timeout”` }).waitFor();
  assert.equal(seen.searches, 2);
  t.problems.length = 0;
}));
