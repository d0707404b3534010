import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SKIP_BROWSER } from './helpers/launch-test-browser.ts';
import { closingPages, useWebBrowserTest } from './helpers/start-web-browser-test.ts';

// A record's GitHub issue is a link on the search page and in the widget (never a javascript: one).
const t = useWebBrowserTest();
const skip = SKIP_BROWSER;
const ISSUE = 'https://github.com/sofastack/sofa-rpc/issues/1024';

test('the search page links a result to its GitHub issue; a javascript: issue URL is no link', { skip }, closingPages(async () => {
  const page = await t.newPage();
  await page.goto(`${t.origin}/?q=${encodeURIComponent('SOFARPC 超时')}`);
  const hit = page.locator('.hit', { hasText: 'SOFARPC 调用超时后如何排查' });
  const link = hit.getByRole('link', { name: 'GitHub #1024' });
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), ISSUE);
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  await page.goto(`${t.origin}/?q=hostile`);
  await page.locator('.hit', { hasText: 'Hostile post' }).waitFor();
  assert.equal(await page.locator('.hit a.issue').count(), 0);
}));

test('the widget (on the demo page, scoped to MOSN) shows the issue link beside the result', { skip }, closingPages(async () => {
  const page = await t.newPage();
  await page.goto(`${t.otherOrigin}/demo?api=${encodeURIComponent(t.origin)}`);
  await page.locator('weekly-faq-search button.trigger').click();
  await page.locator('weekly-faq-dialog input').fill('超时');
  const option = page.locator('weekly-faq-dialog [role=option]', { has: page.locator('.q', { hasText: 'MOSN 作为 sidecar 时' }) });
  await option.waitFor();
  assert.equal(await option.locator('.issue').getAttribute('data-href'), 'https://github.com/mosn/mosn/issues/1087');
  assert.equal(await option.locator('.issue').textContent(), 'GitHub #1087');
}));
