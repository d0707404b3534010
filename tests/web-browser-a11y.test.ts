import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { describeViolations, isBlocking, runAxe } from './helpers/run-axe.ts';
import { SKIP_BROWSER } from './helpers/launch-test-browser.ts';
import { closingPages, useWebBrowserTest } from './helpers/start-web-browser-test.ts';

// axe-core over the page, the answer page and the widget, in both languages.
const t = useWebBrowserTest();
const skip = SKIP_BROWSER;

const NO_ANSWER = 'Redis Cluster Lua CROSSSLOT timeout';

async function audit(page: Page, what: string): Promise<void> {
  const violations = await runAxe(page);
  if (process.env.AXE_REPORT === '1') console.log(`axe ${what}: ${violations.length} violations\n${describeViolations(violations)}`);
  const blocking = violations.filter(isBlocking);
  assert.deepEqual(blocking.map((v) => v.id), [], `${what}:\n${describeViolations(blocking)}`);
}

for (const locale of ['en-US', 'zh-CN']) {
  test(`axe finds no serious or critical violation on the search page with results (${locale})`, { skip }, closingPages(async () => {
    const page = await t.newPage({ locale });
    await page.goto(`${t.origin}/?q=timeout`);
    await page.locator('.hit').first().waitFor();
    await audit(page, 'results');
    await page.emulateMedia({ colorScheme: 'dark' });
    await audit(page, 'results, dark');
  }));

  test(`axe finds none in the "no direct answer" state, folded and unfolded (${locale})`, { skip }, closingPages(async () => {
    const page = await t.newPage({ locale });
    await page.goto(`${t.origin}/?q=${encodeURIComponent(NO_ANSWER)}`);
    await page.locator('details.related').waitFor();
    await audit(page, 'no direct answer');
    await page.locator('details.related summary').click();
    await page.locator('details.related .hit').first().waitFor();
    await audit(page, 'no direct answer, related unfolded');
  }));

  test(`axe finds none on an answer page (${locale})`, { skip }, closingPages(async () => {
    const page = await t.newPage({ locale });
    await page.goto(`${t.origin}/qa/rpc-timeout-zh`);
    await page.locator('h1').waitFor();
    await audit(page, 'answer page');
  }));

  test(`axe finds none in the widget open with results, and with no direct answer (${locale})`, { skip }, closingPages(async () => {
    const page = await t.newPage({ locale });
    await page.goto(`${t.otherOrigin}/demo`);
    await page.locator('weekly-faq-search button.trigger').waitFor();
    await audit(page, 'demo page, widget closed');
    await page.locator('weekly-faq-search button.trigger').click();
    await page.locator('weekly-faq-dialog input').fill('timeout');
    await page.locator('weekly-faq-dialog [role=option]').first().waitFor();
    await audit(page, 'widget with results');
    await page.locator('weekly-faq-dialog input').fill(NO_ANSWER);
    await page.locator('weekly-faq-dialog button.related').waitFor();
    await audit(page, 'widget, no direct answer');
    await page.locator('weekly-faq-dialog button.related').click();
    await page.locator('weekly-faq-dialog [role=option]').first().waitFor();
    await audit(page, 'widget, related unfolded');
  }));

  test(`axe finds none in the widget's recent searches (${locale})`, { skip }, closingPages(async () => {
    const page = await t.newPage({ locale });
    await page.goto(`${t.otherOrigin}/demo`);
    await page.evaluate(() => localStorage.setItem('weekly-faq:recent', JSON.stringify(['timeout', 'sidecar'])));
    await page.reload();
    await page.locator('weekly-faq-search button.trigger').click();
    await page.locator('weekly-faq-dialog [role=option]').first().waitFor();
    await audit(page, 'widget, recent searches');
  }));
}
