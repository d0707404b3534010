import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchTestBrowser, SKIP_BROWSER } from './helpers/launch-test-browser.ts';
import { BROWSER_WAIT_MS, closeAtTestEnd, closingPages } from './helpers/start-web-browser-test.ts';
import { startInsightsTest, type InsightsTest } from './helpers/start-insights-test.ts';
import { WEB_RECORDS } from './helpers/web-records.ts';

// The feedback buttons, click recording and the arrow keys of the search page, in Chromium,
// against the real app with insights in a SQLite file.
let t: InsightsTest;
let server: Server;
let browser: Browser;
let origin = '';
const skip = SKIP_BROWSER;
before(async () => {
  if (skip) return;
  t = await startInsightsTest({ records: WEB_RECORDS, insights: { flushIntervalMs: 50 } });
  server = t.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchTestBrowser();
});
after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
  await t?.stop();
});

/** Poll until `check` passes (the events are written by a timer), for up to a minute: the machine may be loaded. */
async function eventually(check: () => void | Promise<void>): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

test('arrow keys move from the search box through the results and back; the result opened is recorded with its position', { skip }, closingPages(async () => {
  const page = await closeAtTestEnd(await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
  page.setDefaultTimeout(BROWSER_WAIT_MS);
  await page.goto(`${origin}/?q=timeout`);
  await page.locator('.hit').first().waitFor();
  const links = page.locator('.hit .question a');
  assert.ok(await links.count() >= 2);
  await page.getByRole('searchbox').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.hit') === document.querySelector('.hit')), true);
  await page.keyboard.press('ArrowDown');
  const second = await links.nth(1).getAttribute('href');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), second);
  assert.match(second!, /\?q=timeout$/, 'the permalink carries the search');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', 'back in the search box');
  // long questions are cut to 3 lines by CSS
  assert.equal(await links.first().evaluate((a) => getComputedStyle(a).webkitLineClamp), '3');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${origin}${second}`);
  await page.locator('h1.question').waitFor();
  await eventually(async () => {
    const top = (await t.insights.query()).topQueries.find((q) => q.query === 'timeout');
    assert.equal(top?.clicks, 1);
  });
}));

test('the answer page offers 👍 👎; a vote is recorded once, and changing it replaces it', { skip }, closingPages(async () => {
  const record = WEB_RECORDS[0]!;
  const context = closeAtTestEnd(await browser.newContext({ locale: 'zh-CN' }));
  const page = await context.newPage();
  page.setDefaultTimeout(BROWSER_WAIT_MS);
  await page.goto(`${origin}/qa/${record.id}?q=${encodeURIComponent('超时')}`);
  await page.getByText('这个回答有帮助吗？').waitFor();
  const no = page.getByRole('button', { name: '没有帮助' });
  await no.click();
  await page.getByText('感谢反馈。').waitFor();
  assert.equal(await no.getAttribute('aria-pressed'), 'true');
  await no.click();
  await eventually(async () => assert.deepEqual((await t.insights.query()).unhelpfulAnswers.map((a) => [a.recordId, a.unhelpful, a.queries]), [[record.id, 1, [{ query: '超时', count: 1 }]]]));
  await page.getByRole('button', { name: '有帮助', exact: true }).click();
  await eventually(async () => {
    const totals = (await t.insights.query()).totals;
    assert.deepEqual([totals.helpful, totals.unhelpful], [1, 0]);
  });
  await page.getByRole('link', { name: '返回搜索结果' }).click();
  await page.waitForURL(`${origin}/?q=${encodeURIComponent('超时')}`);
}));

test('/admin asks for the token, then shows the tables, an SVG chart per section and CSV downloads', { skip }, closingPages(async () => {
  const page = await closeAtTestEnd(await browser.newContext({ acceptDownloads: true })).newPage();
  page.setDefaultTimeout(BROWSER_WAIT_MS);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await fetch(`${origin}/api/search?q=${encodeURIComponent('no-such-words-zzz')}`);
  t.insights.flush();
  await page.goto(`${origin}/admin`);
  await page.getByPlaceholder('ADMIN_TOKEN').fill('wrong-token-00000000000');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.getByText('The token was refused.').waitFor();
  await page.getByPlaceholder('ADMIN_TOKEN').fill('test-admin-token-0123456789');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.getByRole('heading', { name: /Zero-hit queries/ }).waitFor();
  await page.getByRole('cell', { name: 'no-such-words-zzz' }).first().waitFor();
  assert.ok(await page.locator('svg.chart rect').count() >= 1, 'bars drawn');
  const download = page.waitForEvent('download');
  await page.getByRole('heading', { name: /Zero-hit queries/ }).getByRole('button', { name: 'CSV' }).click();
  assert.equal((await download).suggestedFilename(), 'insights-zero-hit-queries.csv');
  assert.deepEqual(problems, []);
}));
