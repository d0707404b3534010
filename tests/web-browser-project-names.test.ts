import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER } from './helpers/launch-test-browser.ts';
import { closingPages, useWebBrowserTest } from './helpers/start-web-browser-test.ts';

// A widget's data-project and a page URL's project as people write them (`mosn`, `holmes`): sent
// as written, the API's answer names the canonical project (also one without records, which
// /api/facets does not list); a name the API refuses leaves the search unfiltered and says so
// once (the widget in the console, for the page embedding it; the page on the page), instead of
// failing every search.
const t = useWebBrowserTest();
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

test('widget data-project="holmes", a project without records: searches Holmes only', { skip }, closingPages(async () => {
  const expected = await t.apiSearch('q=timeout&project=Holmes&hitsPerPage=8');
  assert.equal(expected.totalHits, 0, 'no record is about Holmes');
  const { page, warnings } = await openDemo('holmes');
  const sent: string[] = [];
  page.on('request', (request) => request.url().includes('/api/search') && sent.push(new URL(request.url()).searchParams.getAll('project').join(',')));
  await search(page, 'timeout', 0);
  await search(page, '超时', 0);
  // as written first, then by the name the API answered with
  assert.deepEqual(sent, ['holmes', 'Holmes']);
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
  assert.match(warnings[0]!, /^weekly-faq: project: unknown project "nosuch" \(data-project "nosuch"\); searching every project instead$/);
  assert.deepEqual(t.problems, []);
}));

test('widget data-project="mosn,nope": searches MOSN, warns once about nope', { skip }, closingPages(async () => {
  const expected = await t.apiSearch('q=timeout&project=MOSN&hitsPerPage=8');
  const { page, warnings } = await openDemo('mosn, nope');
  await search(page, 'timeout', expected.totalHits);
  await search(page, '超时', (await t.apiSearch(`q=${encodeURIComponent('超时')}&project=MOSN&hitsPerPage=8`)).totalHits);
  for (const tags of await page.locator('weekly-faq-dialog [role=option] .m').allTextContents()) assert.match(tags, /MOSN/);
  assert.equal(await page.locator('weekly-faq-dialog .msg.err').count(), 0);
  assert.deepEqual(warnings, ['weekly-faq: project: unknown project "nope" (data-project "mosn,nope"); searching mosn only']);
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

test('page ?project=jraft ticks SOFAJRaft and searches it alone', { skip }, closingPages(async () => {
  const expected = await t.apiSearch('q=timeout&project=SOFAJRaft');
  const page = await t.newPage();
  await page.goto(`${t.origin}/?q=timeout&project=jraft`);
  await page.waitForURL(/project=SOFAJRaft/);
  await page.locator('.results .status', { hasText: `${expected.totalHits} ${expected.totalHits === 1 ? 'result' : 'results'} for “timeout”` }).waitFor();
  assert.ok(await page.locator('#facet-projects input[value="SOFAJRaft"]').isChecked());
  assert.equal(await page.locator('#facet-projects input[value="jraft"]').count(), 0);
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.deepEqual(t.problems, []);
}));

test('page ?project=holmes, a project without records (not in /api/facets): ticks Holmes, finds nothing', { skip }, closingPages(async () => {
  const page = await t.newPage();
  await page.goto(`${t.origin}/?q=timeout&project=holmes`);
  await page.waitForURL(/project=Holmes/);
  await page.locator('.results .status', { hasText: '0 results for “timeout”' }).waitFor();
  assert.ok(await page.locator('#facet-projects input[value="Holmes"]').isChecked());
  assert.equal(await page.locator('.notice').isVisible(), false);
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.deepEqual(t.problems, []);
}));

test('page ?project=nosuch: says the API refused it, once, and searches every project', { skip }, closingPages(async () => {
  const all = await t.apiSearch('q=timeout');
  const page = await t.newPage();
  await page.goto(`${t.origin}/?q=timeout&project=nosuch`);
  await page.locator('.results .status', { hasText: `${all.totalHits} ${all.totalHits === 1 ? 'result' : 'results'} for “timeout”` }).waitFor();
  assert.match(await page.locator('.notice').textContent() ?? '', /project: unknown project "nosuch".*every project/);
  assert.equal(new URL(page.url()).searchParams.getAll('project').length, 0, 'the URL says what was searched');
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.equal(await page.locator('#facet-projects input:checked').count(), 0);
  // ticking a project searches it, and the note goes
  await page.locator('#facet-projects input[value="MOSN"]').check();
  await page.waitForURL(/project=MOSN/);
  await page.locator('.notice').waitFor({ state: 'hidden' });
  // of a comma list (`?project=mosn,nope`), only the refused name goes
  const mosn = await t.apiSearch('q=timeout&project=MOSN');
  await page.goto(`${t.origin}/?q=timeout&project=mosn,nope`);
  await page.locator('.results .status', { hasText: `${mosn.totalHits} ${mosn.totalHits === 1 ? 'result' : 'results'} for “timeout”` }).waitFor();
  await page.waitForURL((url) => url.search === '?q=timeout&project=MOSN');
  assert.match(await page.locator('.notice').textContent() ?? '', /unknown project "nope".*searching MOSN without it/);
  assert.ok(await page.locator('#facet-projects input[value="MOSN"]').isChecked());
  assert.deepEqual(t.problems, []);
}));
