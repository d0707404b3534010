import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER } from './helpers/launch-test-browser.ts';
import { closingPages, useWebBrowserTest } from './helpers/start-web-browser-test.ts';

// A reader without a mouse: Tab reaches every control, focus shows, the widget keeps focus
// inside its dialog and gives it back on close.
const t = useWebBrowserTest();
const skip = SKIP_BROWSER;

const NO_ANSWER = 'Redis Cluster Lua CROSSSLOT timeout';

/** The focused element, looking into shadow roots: its tag, class and text, and whether an outline shows. */
const focused = (page: Page) => page.evaluate(() => {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  return {
    tag: element.tagName.toLowerCase(),
    type: element.getAttribute('type') ?? '',
    className: element.getAttribute('class') ?? '',
    text: (element.textContent ?? '').trim(),
    inWidget: element.getRootNode() !== document,
    outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
  };
});
type Focused = NonNullable<Awaited<ReturnType<typeof focused>>>;

/** Press Tab (Shift+Tab with `back`) until `matches` the focused element; every stop is returned. */
async function tabTo(page: Page, matches: (f: Focused) => boolean, options: { back?: boolean; limit?: number } = {}): Promise<Focused[]> {
  const stops: Focused[] = [];
  for (let i = 0; i < (options.limit ?? 80); i += 1) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (now) stops.push(now);
    if (now && matches(now)) return stops;
  }
  assert.fail(`Tab never reached it; the stops were: ${stops.map((s) => `${s.tag}.${s.className} "${s.text.slice(0, 30)}"`).join(', ')}`);
}

test('page: Tab reaches "Only SOFAJRaft" and Enter filters; every stop shows its focus', { skip }, closingPages(async () => {
  const page = await t.newPage();
  await page.goto(`${t.origin}/?q=jraft%20election`);
  await page.locator('ol.answers .hit').first().waitFor();
  const stops = await tabTo(page, (f) => f.text === 'Only SOFAJRaft');
  // (a date field's last stop is Chromium's own calendar button, with Chromium's own focus ring)
  for (const stop of stops.filter((s) => s.type !== 'date')) assert.ok(stop.outlined, `a visible focus outline on ${stop.tag}.${stop.className} "${stop.text.slice(0, 30)}"`);
  await page.keyboard.press('Enter');
  await page.waitForURL(/project=SOFAJRaft/);
  assert.ok(await page.locator('#facet-projects input[value="SOFAJRaft"]').isChecked());
  // the button goes with the old results: focus is on the new ones, not back at the page's start
  await page.getByRole('button', { name: 'Only SOFAJRaft' }).waitFor({ state: 'detached' });
  assert.deepEqual(await page.evaluate(() => document.activeElement?.id), 'results');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => Boolean(document.activeElement?.closest('#results .hit'))), 'Tab goes on into the hits');
}));

test('page: Tab reaches the "Related questions" disclosure, Enter unfolds it and Tab goes into its hits', { skip }, closingPages(async () => {
  const page = await t.newPage();
  await page.goto(`${t.origin}/?q=${encodeURIComponent(NO_ANSWER)}`);
  await page.locator('details.related').waitFor();
  const stops = await tabTo(page, (f) => f.tag === 'summary');
  assert.ok(stops.some((s) => s.className === 'ask'), 'the next steps come first');
  assert.ok(stops.at(-1)!.outlined, 'the summary shows its focus');
  await page.keyboard.press('Enter');
  await page.locator('details.related .hit').first().waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('details.related .hit') !== null), true);
}));

/** The demo page with the widget open by Ctrl+K from its trigger, `query` searched. */
async function openWidget(query: string): Promise<Page> {
  const page = await t.newPage();
  await page.goto(`${t.otherOrigin}/demo`);
  await page.locator('weekly-faq-search button.trigger').focus();
  await page.keyboard.press('Enter');
  await page.locator('weekly-faq-dialog .backdrop').waitFor();
  await page.keyboard.type(query);
  return page;
}

test('widget: Tab cycles through everything in the dialog and never leaves it; Esc gives focus back to the trigger', { skip }, closingPages(async () => {
  const page = await openWidget(NO_ANSWER);
  await page.locator('weekly-faq-dialog button.related').waitFor();
  const forward: Focused[] = [];
  for (let i = 0; i < 8; i += 1) {
    await page.keyboard.press('Tab');
    forward.push((await focused(page))!);
  }
  for (const stop of forward) {
    assert.ok(stop.inWidget, `focus stays in the dialog (${stop.tag}.${stop.className})`);
    assert.ok(stop.outlined || stop.tag === 'input', `a visible focus outline on ${stop.tag}.${stop.className}`);
  }
  const names = forward.map((s) => s.className || s.tag);
  assert.ok(names.includes('ask'), `the "ask the community" link is reachable: ${names.join(', ')}`);
  assert.ok(names.includes('related'), `the "Related questions" button is reachable: ${names.join(', ')}`);
  assert.ok(names.includes('all'), `"See all" is reachable: ${names.join(', ')}`);
  assert.ok(names.includes('input'), 'and round to the search box');
  // Enter on "Related questions" unfolds the hits; the arrows then move through them
  await tabTo(page, (f) => f.className === 'related', { limit: 10 });
  await page.keyboard.press('Enter');
  await page.locator('weekly-faq-dialog [role=option]').first().waitFor();
  assert.equal((await focused(page))?.tag, 'input', 'back in the box, where the arrows work');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('weekly-faq-dialog [role=option][aria-selected=true]').count(), 1);
  // Shift+Tab from the box wraps to the last control, still inside
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page))?.className, 'all');
  await page.keyboard.press('Escape');
  await page.locator('weekly-faq-dialog .backdrop').waitFor({ state: 'hidden' });
  const back = await focused(page);
  assert.equal(back?.className, 'trigger', 'focus goes back to the trigger');
}));

test('widget: Tab reaches "Only SOFARPC" and Enter narrows the search', { skip }, closingPages(async () => {
  const answer = await t.apiSearch('q=sofarpc%20timeout&project=MOSN&hitsPerPage=8'); // the demo pre-filters to MOSN
  assert.equal(answer.detectedProject, 'SOFARPC');
  assert.ok(answer.hits.length > 0);
  const page = await openWidget('sofarpc timeout');
  await page.locator('weekly-faq-dialog button.only').waitFor();
  await tabTo(page, (f) => f.className === 'only', { limit: 10 });
  await page.keyboard.press('Enter');
  await page.locator('weekly-faq-dialog a.all[href*="project=SOFARPC"]').waitFor();
  assert.equal(await page.locator('weekly-faq-dialog button.only').count(), 0);
}));

test('widget: the keyboard removes a recent search with Delete (the × is for the mouse)', { skip }, closingPages(async () => {
  const page = await t.newPage();
  await page.goto(`${t.otherOrigin}/demo`);
  await page.evaluate(() => localStorage.setItem('weekly-faq:recent', JSON.stringify(['timeout', 'sidecar'])));
  await page.reload();
  await page.keyboard.press('Control+K');
  const options = page.locator('weekly-faq-dialog [role=option]');
  await options.first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Delete');
  assert.deepEqual(await options.allTextContents(), ['timeout×']);
  assert.equal(await page.evaluate(() => localStorage.getItem('weekly-faq:recent')), '["timeout"]');
}));
