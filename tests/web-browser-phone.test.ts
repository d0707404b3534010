import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { saveScreenshot } from './helpers/save-screenshot.ts';
import { SKIP_BROWSER } from './helpers/launch-test-browser.ts';
import { closingPages, useWebBrowserTest } from './helpers/start-web-browser-test.ts';

// The page, the answer page and the widget on a phone: nothing wider than the screen.
const t = useWebBrowserTest();
const skip = SKIP_BROWSER;

const NO_ANSWER = 'Redis Cluster Lua CROSSSLOT timeout';
const PHONES = [{ width: 375, height: 667 }, { width: 320, height: 568 }];

/** The page scrolls sideways: its content is wider than the viewport (names what sticks out). */
async function assertNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, width, wide } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > width + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''}`).slice(0, 5);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
  assert.ok(scrollWidth <= width, `${what}: ${scrollWidth} px wide in a ${width} px screen (${wide.join(', ')})`);
}

for (const viewport of PHONES) {
  const name = `${viewport.width}x${viewport.height}`;

  test(`${name}: the search page has no horizontal scroll; the facets open from a button and filter`, { skip }, closingPages(async () => {
    const page = await t.newPage({ viewport, isMobile: true, hasTouch: true });
    await page.goto(`${t.origin}/?q=timeout`);
    await page.locator('.hit').first().waitFor();
    await assertNoHorizontalScroll(page, 'results');
    await page.locator('.hit .expand').first().click();
    await page.locator('.hit .answer').first().waitFor();
    await assertNoHorizontalScroll(page, 'an answer expanded');
        const filters = page.locator('#filters');
    assert.equal(await filters.isVisible(), false, 'the facets are folded behind the button');
    const toggle = page.getByRole('button', { name: 'Filters' });
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await assertNoHorizontalScroll(page, 'facets open');
    if (viewport.width === 320) await saveScreenshot(page, 'phone-320-filters');
    await page.getByRole('checkbox', { name: /^MOSN/ }).tap();
    await page.waitForURL(/project=MOSN/);
    await page.getByRole('button', { name: 'Filters (1)' }).waitFor();
    await assertNoHorizontalScroll(page, 'filtered');
  }));

  test(`${name}: the "no direct answer" state and an answer page have no horizontal scroll`, { skip }, closingPages(async () => {
    const page = await t.newPage({ viewport, isMobile: true, hasTouch: true });
    await page.goto(`${t.origin}/?q=${encodeURIComponent(NO_ANSWER)}`);
    await page.locator('details.related summary').tap();
    await page.locator('details.related .hit').first().waitFor();
    await assertNoHorizontalScroll(page, 'no direct answer');
    if (viewport.width === 320) await saveScreenshot(page, 'phone-320-no-answer');
    await page.goto(`${t.origin}/qa/rpc-timeout-zh`);
    await page.locator('h1').waitFor();
    await assertNoHorizontalScroll(page, 'answer page');
      }));

  test(`${name}: the widget dialog fits the screen, its close button within reach`, { skip }, closingPages(async () => {
    const page = await t.newPage({ viewport, isMobile: true, hasTouch: true });
    await page.goto(`${t.otherOrigin}/demo`);
    await assertNoHorizontalScroll(page, 'demo page');
    await page.locator('weekly-faq-search button.trigger').tap();
    await page.locator('weekly-faq-dialog input').fill(NO_ANSWER);
    await page.locator('weekly-faq-dialog button.related').tap();
    await page.locator('weekly-faq-dialog [role=option]').first().waitFor();
    if (viewport.width === 320) await saveScreenshot(page, 'phone-320-widget');
    for (const selector of ['.dialog', '.close', 'input', '.foot']) {
      const box = (await page.locator(`weekly-faq-dialog ${selector}`).boundingBox())!;
      assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height, `${selector} within the screen: ${JSON.stringify(box)}`);
    }
    await assertNoHorizontalScroll(page, 'widget open');
    await page.locator('weekly-faq-dialog .close').tap();
    await page.locator('weekly-faq-dialog .backdrop').waitFor({ state: 'hidden' });
  }));
}
