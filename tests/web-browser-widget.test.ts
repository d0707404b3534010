import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CDPSession, Page } from 'playwright-core';
import { describeViolations, isBlocking, runAxe } from './helpers/run-axe.ts';
import { saveScreenshot } from './helpers/save-screenshot.ts';
import { SKIP_BROWSER } from './helpers/launch-test-browser.ts';
import { closingPages, useWebBrowserTest, type WebBrowserTest } from './helpers/start-web-browser-test.ts';

// The widget on the demo docs page, served from another origin than the API (localhost vs
// 127.0.0.1), against the real createApp and Meilisearch.
const t = useWebBrowserTest();
const skip = SKIP_BROWSER;

/** The demo page on the other origin, with the widget from the API's origin. */
async function openDemo(options?: Parameters<WebBrowserTest['newPage']>[0]): Promise<Page> {
  const page = await t.newPage(options);
  await page.goto(`${t.otherOrigin}/demo`);
  await page.locator('weekly-faq-search button.trigger').waitFor();
  return page;
}
const dialog = (page: Page) => page.locator('weekly-faq-dialog .backdrop');
const input = (page: Page) => page.locator('weekly-faq-dialog input');
const options = (page: Page) => page.locator('weekly-faq-dialog [role=option]');
const selected = (page: Page) => page.locator('weekly-faq-dialog [role=option][aria-selected=true] .q').textContent();
/** The id of the focused element, looking into the widget's shadow roots. */
const focused = (page: Page) => page.evaluate(() => {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element ? `${element.tagName.toLowerCase()}${element.getAttribute('role') ? `[role=${element.getAttribute('role')}]` : ''}` : null;
});

async function search(page: Page, query: string): Promise<void> {
  await input(page).fill(query);
  await page.locator('weekly-faq-dialog .status', { hasText: new RegExp(`results? for “${query}”|No answers match`) }).waitFor();
}

test('the one tag mounts a button in the container, isolated from the host styles, with one global name', { skip }, closingPages(async () => {
  const page = await openDemo();
  assert.equal(await page.locator('#faq-search weekly-faq-search').count(), 1);
  const trigger = page.locator('weekly-faq-search button.trigger');
  assert.equal(await trigger.textContent(), 'Search FAQCtrl K');
  const style = await trigger.evaluate((b) => getComputedStyle(b));
  assert.notEqual(style.backgroundColor, 'rgb(204, 0, 0)', 'the host page button style does not leak in');
  assert.notEqual(style.fontSize, '22px');
  // globals: only WeeklyFaqWidget beyond what a blank page has
  const blank = await t.newPage();
  await blank.goto(`${t.otherOrigin}/no-such-page`); // same origin, no widget
  const baseline = await blank.evaluate(() => Object.getOwnPropertyNames(window));
  const names = await page.evaluate(() => Object.getOwnPropertyNames(window));
  assert.deepEqual(names.filter((n) => !baseline.includes(n)), ['WeeklyFaqWidget']);
  await saveScreenshot(page, 'widget-button-desktop');
}));

test('Ctrl+K opens it cross-origin; results as you type, labelled by project; arrows move; Esc closes', { skip }, closingPages(async () => {
  const page = await openDemo();
  assert.equal(await dialog(page).isVisible(), false);
  await page.keyboard.press('Control+K');
  await dialog(page).waitFor();
  assert.equal(await focused(page), 'input[role=combobox]');
  const expected = await t.apiSearch('q=timeout&project=MOSN'); // data-project="MOSN"
  assert.ok(expected.hits.length >= 2, 'the data give the arrows something to move through');
  await page.keyboard.type('timeout');
  await page.locator('weekly-faq-dialog .status', { hasText: `${expected.totalHits} results for “timeout”` }).waitFor();
  // each option's permalink (the GitHub issue label in it, from the issue-link feature, is not the permalink)
  assert.deepEqual(await page.locator('weekly-faq-dialog [role=option]').evaluateAll((links) => links.map((a) => a.getAttribute('data-href'))),
    expected.hits.map((hit) => `${t.origin}/qa/${hit.id}?q=timeout`)); // the permalink carries the search, for the way back
  for (const tags of await page.locator('weekly-faq-dialog [role=option] .m').allTextContents()) assert.match(tags, /^WeeklyMOSN/, 'where the answer comes from, then its project');
  assert.ok((await page.locator('weekly-faq-dialog [role=option] mark').allTextContents()).includes('timeout'));
  const questions = await page.locator('weekly-faq-dialog [role=option] .q').allTextContents();
  assert.equal(await selected(page), questions[0]);
  await page.keyboard.press('ArrowDown');
  assert.equal(await selected(page), questions[1]);
  assert.equal(await input(page).getAttribute('aria-activedescendant'), await page.locator('weekly-faq-dialog [role=option][aria-selected=true]').getAttribute('id'));
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await selected(page), questions.at(-1), 'wraps around');
  await page.keyboard.press('ArrowDown');
  assert.equal(await selected(page), questions[0]);
  const seeAll = page.locator('weekly-faq-dialog a.all');
  assert.equal(await seeAll.textContent(), `See all ${expected.totalHits} results`);
  assert.equal(await seeAll.getAttribute('href'), `${t.origin}/?q=timeout&project=MOSN`);
  await saveScreenshot(page, 'widget-desktop');
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'hidden' });
  assert.equal(await focused(page), 'button', 'focus goes back to where it was');
  await page.keyboard.press('Meta+K'); // ⌘K on a Mac
  await dialog(page).waitFor();
  await page.locator('weekly-faq-dialog .close').click();
  await dialog(page).waitFor({ state: 'hidden' });
}));

/** Start (or extend) an IME composition in the focused input, as pinyin input does. */
async function compose(cdp: CDPSession, text: string): Promise<void> {
  await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
}
async function key(cdp: CDPSession, name: string, code: number): Promise<void> {
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: name, code: name, windowsVirtualKeyCode: code });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: name, code: name, windowsVirtualKeyCode: code });
}

test('Chinese input: Enter, arrows and Esc while composing never select a result or close (docsearch#2111)', { skip }, closingPages(async () => {
  const page = await openDemo();
  await page.locator('weekly-faq-search button.trigger').click();
  await search(page, 'MOSN');
  await input(page).fill('');
  await page.evaluate(() => {
    (window as unknown as { keys: string[] }).keys = [];
    document.querySelector('weekly-faq-dialog')!.shadowRoot!.querySelector('input')!.addEventListener('keydown', (e) => (window as unknown as { keys: string[] }).keys.push(`${e.key}:${e.isComposing}`));
  });
  const cdp = await page.context().newCDPSession(page);
  await compose(cdp, 'chao');
  await key(cdp, 'ArrowDown', 40);
  await key(cdp, 'Enter', 13); // picks the IME candidate, not a result
  await key(cdp, 'Escape', 27);
  assert.deepEqual(await page.evaluate(() => (window as unknown as { keys: string[] }).keys), ['ArrowDown:true', 'Enter:true', 'Escape:true'], 'the keys really came while composing');
  await page.waitForTimeout(300);
  assert.equal(page.url().startsWith(t.otherOrigin), true, 'no navigation');
  assert.ok(await dialog(page).isVisible(), 'still open');
  await cdp.send('Input.insertText', { text: '超时' }); // commit the composition
  const expected = await t.apiSearch(`q=${encodeURIComponent('超时')}&project=MOSN`);
  await page.locator('weekly-faq-dialog .status', { hasText: `${expected.totalHits} ${expected.totalHits === 1 ? 'result' : 'results'} for “超时”` }).waitFor();
  assert.equal(await input(page).inputValue(), '超时');
  assert.deepEqual(await page.locator('weekly-faq-dialog [role=option] .c').allTextContents(),
    expected.hits.filter((hit) => hit.followup && hit.context).map((hit) => `Follow-up to: ${hit.context}`), 'a follow-up shows its thread');
  assert.ok(expected.hits.some((hit) => hit.followup), 'the data have a follow-up here');
  const question = (await selected(page))!;
  const href = await page.locator('weekly-faq-dialog [role=option][aria-selected=true]').getAttribute('data-href');
  assert.equal(href, `${t.origin}/qa/${expected.hits[0]!.id}?q=${encodeURIComponent('超时')}`);
  // now a plain Enter opens the selected answer on the service's permalink page
  await page.keyboard.press('Enter');
  await page.waitForURL(href!);
  await page.getByRole('heading', { level: 1, name: question }).waitFor();
  // the query was kept as a recent search
  await page.goto(`${t.otherOrigin}/demo`);
  await page.locator('weekly-faq-search button.trigger').click();
  await page.locator('weekly-faq-dialog .head', { hasText: 'Recent searches' }).waitFor();
  assert.deepEqual(await page.locator('weekly-faq-dialog [role=option] .recent > span:first-child').allTextContents(), ['超时']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('weekly-faq-dialog .status', { hasText: /results? for “超时”/ }).waitFor();
  assert.equal(await input(page).inputValue(), '超时');
}));

test('a hostile post is inert in the widget', { skip }, closingPages(async () => {
  const page = await openDemo();
  await page.keyboard.press('Control+K');
  await search(page, 'hostile');
  const option = options(page).first();
  assert.equal(await option.locator('.q').textContent(), 'Hostile post: <script>window.__pwned=2</script> and <img src=x onerror="window.__pwned=3"> in MOSN?');
  const markup = await page.evaluate(() => document.querySelector('weekly-faq-dialog')!.shadowRoot!.querySelectorAll('script, img, iframe, svg, [onerror], [onclick], [onload]').length);
  assert.equal(markup, 0);
  for (const href of await page.locator('weekly-faq-dialog a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
    assert.match(href, /^http:\/\/127\.0\.0\.1:\d+\//);
  }
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  assert.deepEqual(t.problems, []);
}));

test('an unreachable API never breaks the page: the widget says so and works again after', { skip }, closingPages(async () => {
  const page = await openDemo();
  await page.route('**/api/search**', (route) => route.abort('connectionrefused'));
  await page.keyboard.press('Control+K');
  await input(page).fill('timeout');
  await page.locator('weekly-faq-dialog .msg.err', { hasText: 'Search is unavailable right now.' }).waitFor();
  await page.unrouteAll();
  await input(page).fill('election');
  await page.locator('weekly-faq-dialog .status', { hasText: /for “election”/ }).waitFor();
  assert.equal(t.problems.filter((p) => p.startsWith('pageerror')).length, 0);
  t.problems.length = 0;
}));

test('the widget says plainly when nothing answers, folds the related hits, and shows a 4xx as what it is', { skip }, closingPages(async () => {
  const q = 'Redis Cluster Lua CROSSSLOT timeout';
  const answer = await t.apiSearch(`q=${encodeURIComponent(q)}&project=MOSN&hitsPerPage=8`); // the demo pre-filters to MOSN
  assert.equal(answer.strongHits, 0);
  assert.ok(answer.hits.length > 0);
  const page = await openDemo();
  await page.locator('weekly-faq-search button.trigger').click();
  await input(page).fill(q);
  await page.locator('weekly-faq-dialog .none', { hasText: 'No question in the weekly Q&A answers this directly.' }).waitFor();
  assert.equal(await options(page).count(), 0, 'related hits are folded');
  const related = page.locator('weekly-faq-dialog button.related');
  const folded = Number(/\((\d+)\)/.exec((await related.textContent())!)?.[1]);
  assert.ok(folded > 0);
  await related.click();
  await options(page).first().waitFor();
  assert.equal(await options(page).count(), folded);
  let requests = 0;
  page.on('request', (request) => {
    if (request.url().includes('/api/search')) requests += 1;
  });
  // nothing in the widget's projects (the demo's MOSN): the others in one click
  const seata = 'undo_log rollback';
  assert.equal((await t.apiSearch(`q=${encodeURIComponent(seata)}&project=MOSN`)).totalHits, 0);
  const everywhere = await t.apiSearch(`q=${encodeURIComponent(seata)}&hitsPerPage=8`);
  assert.ok(everywhere.totalHits > 0);
  await input(page).fill(seata);
  await page.locator('weekly-faq-dialog .msg', { hasText: `No answers match “${seata}”.` }).waitFor();
  await page.locator('weekly-faq-dialog button', { hasText: 'Search without filters' }).click();
  await page.locator('weekly-faq-dialog .status', { hasText: `${everywhere.totalHits} ${everywhere.totalHits === 1 ? 'result' : 'results'} for “${seata}”` }).waitFor();
  assert.equal(await focused(page), 'input[role=combobox]');
  await input(page).fill('y'.repeat(70_000)); // sent by POST (a long URL would be), whose limit is 65,536
  await page.locator('weekly-faq-dialog .msg.err', { hasText: /too long: 70000 characters, at most 65536/ }).waitFor();
  assert.equal(await page.locator('weekly-faq-dialog', { hasText: 'Search is unavailable' }).count(), 0);
  const sent = requests;
  await page.waitForTimeout(6500);
  assert.equal(requests, sent, 'a refused search is not retried');
  t.problems.length = 0; // the 400 logs a console error by design
}));

test('unfolded, the related hits stay apart from the answers, under their own heading', { skip }, closingPages(async () => {
  let q = '';
  let answer = null;
  for (const candidate of ['timeout', 'MOSN timeout', 'sidecar timeout', '超时', 'SOFARPC timeout', 'MOSN sidecar']) {
    answer = await t.apiSearch(`q=${encodeURIComponent(candidate)}&hitsPerPage=8`);
    q = candidate;
    if (answer.hits.some((hit) => hit.match === 'strong') && answer.hits.some((hit) => hit.match === 'weak')) break;
  }
  const strong = answer!.hits.filter((hit) => hit.match === 'strong');
  const weak = answer!.hits.filter((hit) => hit.match === 'weak');
  assert.ok(strong.length && weak.length, 'the data give a search with both answers and related hits');
  const page = await openDemo();
  await page.evaluate(() => window.WeeklyFaqWidget!.init({ project: [], hotkey: false }).open()); // every project (the demo's pre-filters to MOSN)
  await page.locator('weekly-faq-dialog input').last().fill(q);
  await page.locator('weekly-faq-dialog button.related').click();
  await options(page).nth(strong.length + weak.length - 1).waitFor();
  const listbox = page.locator('weekly-faq-dialog [role=listbox]');
  assert.deepEqual(await listbox.locator(':scope > [role=option] .q').allTextContents(), strong.map((hit) => hit.question), 'the answers first, on their own');
  const group = listbox.locator('[role=group]');
  assert.equal(await group.getAttribute('aria-label'), `Related questions (${weak.length})`);
  assert.equal(await group.locator('.head').textContent(), `Related questions (${weak.length})`);
  assert.deepEqual(await group.locator('[role=option] .q').allTextContents(), weak.map((hit) => hit.question));
  // the arrows go on from the answers into the related hits
  for (let i = 0; i < strong.length; i += 1) await page.keyboard.press('ArrowDown');
  assert.equal(await selected(page), weak[0]!.question);
  // the list, longer than the dialog now, scrolls by keyboard too
  const blocking = (await runAxe(page)).filter(isBlocking);
  assert.deepEqual(blocking.map((v) => v.id), [], describeViolations(blocking));
}));

test('init(): a container that matches nothing is a clear error; destroy() removes everything', { skip }, closingPages(async () => {
  const page = await openDemo();
  const message = await page.evaluate(() => {
    try {
      window.WeeklyFaqWidget!.init({ container: '#no-such-element' });
      return 'no error';
    } catch (error) {
      return (error as Error).message;
    }
  });
  assert.match(message, /container selector "#no-such-element" matches no element/);
  const counts = await page.evaluate(() => {
    const widget = window.WeeklyFaqWidget!.init({ recentSearches: false });
    const during = document.querySelectorAll('weekly-faq-search, weekly-faq-dialog').length;
    widget.destroy();
    return [during, document.querySelectorAll('weekly-faq-search, weekly-faq-dialog').length];
  });
  assert.deepEqual(counts, [4, 2], 'a floating second widget, then only the auto-started one');
}));

test('a click on an option opens its permalink; on its issue label, the issue in a new tab', { skip }, closingPages(async () => {
  const page = await openDemo();
  await page.locator('weekly-faq-search button.trigger').click();
  await input(page).fill('超时');
  const option = page.locator('weekly-faq-dialog [role=option]', { has: page.locator('.q', { hasText: 'MOSN 作为 sidecar 时' }) });
  await option.waitFor();
  await page.context().route('https://github.com/**', (route) => route.fulfill({ body: 'the issue' })); // no network in tests
  const [tab] = await Promise.all([page.context().waitForEvent('page'), option.locator('.issue').click()]);
  await tab.waitForURL('https://github.com/mosn/mosn/issues/1087');
  assert.ok(page.url().startsWith(`${t.otherOrigin}/demo`), 'the issue label leaves the docs page where it is');
  await tab.close();
  const href = (await option.getAttribute('data-href'))!;
  await option.locator('.q').click();
  await page.waitForURL(href);
}));

test('at 360 px the dialog fills the screen', { skip }, closingPages(async () => {
  const page = await openDemo({ viewport: { width: 360, height: 740 } });
  // a pasted log kept as a recent search: one line, cut short, its × in reach
  const log = `io.seata.core.exception.TransactionException: Response[TransactionException[192.168.1.238:8091:2018062163]] ${'at org.springframework.jdbc.support.AbstractFallbackSQLExceptionTranslator.translate(AbstractFallbackSQLExceptionTranslator.java:89) '.repeat(6)}`;
  await page.evaluate((q) => localStorage.setItem('weekly-faq:recent', JSON.stringify([q, 'timeout'])), log);
  await page.reload();
  await page.locator('weekly-faq-search button.trigger').click();
  const [long, short] = await page.locator('weekly-faq-dialog .recent').evaluateAll((rows) => rows.map((row) => ({ height: row.getBoundingClientRect().height, removeRight: row.querySelector('.remove')!.getBoundingClientRect().right })));
  assert.equal(long!.height, short!.height, 'as tall as a short one');
  assert.ok(long!.removeRight <= 360, `the × at ${long!.removeRight} px, on the screen`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
  await search(page, '超时');
  const box = await page.locator('weekly-faq-dialog .dialog').boundingBox();
  assert.equal(box?.width, 360);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
  await saveScreenshot(page, 'widget-360');
}));

test('a reader whose browser prefers Chinese gets the widget in Chinese', { skip }, closingPages(async () => {
  const page = await openDemo({ locale: 'zh-CN' });
  const trigger = page.locator('weekly-faq-search button.trigger');
  assert.match((await trigger.textContent())!, /^搜索 FAQ/);
  await trigger.click();
  await input(page).fill('sidecar');
  await page.locator('weekly-faq-dialog .status', { hasText: /“sidecar”的结果/ }).waitFor();
}));
