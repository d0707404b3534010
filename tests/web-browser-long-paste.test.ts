import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page, Request } from 'playwright-core';
import { SKIP_BROWSER } from './helpers/launch-test-browser.ts';
import { closingPages, useWebBrowserTest } from './helpers/start-web-browser-test.ts';
import type { SearchResult } from '../src/contract/search-result.ts';

// A pasted Chinese log of 2,400 characters (under GET's 4,096 limit) percent-encodes to a
// ~21 KB URL, which Node refuses (431, empty body): the page and the widget send it as
// POST /api/search instead, and find its answer.
const t = useWebBrowserTest();
const skip = SKIP_BROWSER;

const QUESTION = 'SOFARPC 调用超时后如何排查是服务端慢还是网络问题？';
/** The question, then log noise, 2,400 characters in all (one line: a search box drops line breaks). */
const PASTE = `${QUESTION} ${'连接超时异常服务调用失败'.repeat(200)}`.slice(0, 2400);

/**
 * A Java stack trace under its question, as a reader copies it from a log: its line breaks tell
 * the API which lines are stack frames and which are the reader's words.
 */
const TRACE = [
  QUESTION,
  'com.alipay.remoting.rpc.exception.InvokeTimeoutException: Rpc invocation timeout[responseCommand TIMEOUT]! the address is /10.0.0.8:12200',
  ...Array.from({ length: 8 }, (_, i) => `\tat com.alipay.sofa.rpc.client.AbstractCluster.doInvoke${i}(AbstractCluster.java:${300 + i})`),
  '',
].join('\n');

/** What the API answers this paste by POST, from the test itself. */
async function postSearch(hitsPerPage: number, q = PASTE): Promise<SearchResult> {
  const response = await fetch(`${t.origin}/api/search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ q, hitsPerPage }) });
  assert.equal(response.status, 200);
  return (await response.json()) as SearchResult;
}

/** Paste `text` into the focused box, as a reader does (Ctrl+V from the clipboard). */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press('Control+V');
}

/** The question a search request sent (GET or POST). */
function sentQuestion(request: Request): string {
  return request.method() === 'POST' ? (request.postDataJSON() as { q: string }).q : new URL(request.url()).searchParams.get('q') ?? '';
}

const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

/** The searches `page` sends from now on. */
function recordSearches(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/search')) requests.push(request);
  });
  return requests;
}

test('the page: a 2,400-character Chinese paste goes by POST and finds its answer', { skip }, closingPages(async () => {
  const expected = await postSearch(10);
  assert.ok(expected.hits.some((hit) => hit.question === QUESTION), 'the API finds the pasted question');
  const page = await t.newPage();
  await page.goto(`${t.origin}/`);
  await page.locator('.hit').first().waitFor();
  const requests = recordSearches(page);
  const answered = page.waitForResponse((response) => response.url().includes('/api/search') && response.request().method() === 'POST');
  await page.locator('#q').fill(PASTE);
  assert.equal((await answered).status(), 200);
  await page.locator('.results .status', { hasText: `${expected.totalHits} ${expected.totalHits === 1 ? 'result' : 'results'} for` }).waitFor();
  await page.locator('.hit .question', { hasText: QUESTION }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.equal(requests.length, 1);
  const sent = requests[0]!;
  assert.equal(sent.method(), 'POST');
  assert.equal(new URL(sent.url()).search, '', 'nothing of the question in the URL');
  assert.equal((sent.postDataJSON() as { q: string }).q, PASTE);
  // links and the address bar stay loadable (a 21 KB URL is a 431): the paste is kept in the history entry
  assert.ok(page.url().length < 2100, page.url().slice(0, 200));
  assert.doesNotMatch(page.url(), /q=/);
  assert.equal(await page.locator('.hit .question a', { hasText: QUESTION }).getAttribute('href'), '/qa/rpc-timeout-zh');
  await page.reload();
  await page.locator('.results .status', { hasText: `${expected.totalHits} ${expected.totalHits === 1 ? 'result' : 'results'} for` }).waitFor();
  assert.equal(await page.locator('#q').inputValue(), PASTE, 'a reload keeps the search');
  assert.deepEqual(t.problems, []);
}));

test('the page: a pasted stack trace is searched with its line breaks (the box shows one line) and quoted short', { skip }, closingPages(async () => {
  const expected = await postSearch(10, TRACE);
  const page = await t.newPage(CLIPBOARD);
  await page.goto(`${t.origin}/`);
  await page.locator('.hit').first().waitFor();
  const requests = recordSearches(page);
  await page.locator('#q').focus();
  await paste(page, TRACE);
  await page.locator('.results .status', { hasText: `${expected.totalHits} ${expected.totalHits === 1 ? 'result' : 'results'} for` }).waitFor();
  assert.doesNotMatch(await page.locator('#q').inputValue(), /\n/, 'a one-line box');
  assert.deepEqual(requests.map(sentQuestion), [TRACE.trim()], 'sent as pasted');
  assert.deepEqual(await page.locator('.hit .question').allTextContents(), expected.hits.map((hit) => hit.question), 'what the API finds for the paste');
  // the status quotes the question on one line, cut short: not 600 characters of stack frames
  const status = await page.locator('.results .status').textContent() ?? '';
  assert.ok(status.length < 120 && status.includes(`for “${QUESTION} com.alipay`) && status.includes('…”'), status);
  // a reload (or a copied link: the URL carries the lines) searches the paste as pasted
  assert.equal(new URL(page.url()).searchParams.get('q'), TRACE.trim());
  const reloaded = page.waitForRequest((request) => request.url().includes('/api/search?q='));
  await page.reload();
  assert.equal(sentQuestion(await reloaded), TRACE.trim());
  await page.locator('.results .status', { hasText: `${expected.totalHits} ${expected.totalHits === 1 ? 'result' : 'results'} for` }).waitFor();
  // an edit after the paste searches what the box shows
  const edited = page.waitForRequest((request) => request.url().includes('/api/search') && sentQuestion(request).endsWith(' x'));
  await page.locator('#q').press('End');
  await page.keyboard.type(' x');
  assert.doesNotMatch(sentQuestion(await edited), /\n/);
  assert.deepEqual(t.problems, []);
}));

test('the widget: the same paste goes by POST across origins and finds its answer', { skip }, closingPages(async () => {
  const page = await t.newPage({ ...CLIPBOARD });
  await page.goto(`${t.otherOrigin}/demo`); // the widget pre-filters to MOSN: search all projects here
  await page.evaluate(() => window.WeeklyFaqWidget!.init({ project: [], hotkey: false }).open());
  const requests = recordSearches(page);
  const input = page.locator('weekly-faq-dialog input').last();
  await input.fill(PASTE);
  await page.locator('weekly-faq-dialog .q', { hasText: QUESTION }).first().waitFor();
  assert.equal(await page.locator('weekly-faq-dialog .msg.err').count(), 0);
  assert.ok(requests.some((request) => request.method() === 'POST' && (request.postDataJSON() as { q: string }).q === PASTE));
  // a pasted stack trace goes with its line breaks, and the status quotes it short
  await input.fill('');
  await paste(page, TRACE);
  await page.locator('weekly-faq-dialog .status', { hasText: /results? for “SOFARPC .*…”/ }).waitFor();
  assert.equal(sentQuestion(requests.at(-1)!), TRACE.trim());
  assert.deepEqual(t.problems, []);
}));
