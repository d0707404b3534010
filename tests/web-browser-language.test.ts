import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { insightTranslations, zhInsightTranslations } from '../web/src/core/insight-translations.ts';
import { translations } from '../web/src/core/translations.ts';
import { zhTranslations } from '../web/src/core/translations-zh.ts';
import { SKIP_BROWSER } from './helpers/launch-test-browser.ts';
import { closingPages, useWebBrowserTest } from './helpers/start-web-browser-test.ts';

// A reader whose browser prefers Chinese meets no English in the interface: the page, the
// "no direct answer" state, the answer page and the widget; `lang` says which language it is.
const t = useWebBrowserTest();
const skip = SKIP_BROWSER;

const NO_ANSWER = 'Redis Cluster Lua CROSSSLOT timeout';

/** Every fixed English string of the interface that its Chinese differs from (the words a zh reader must not see). */
function englishOnly(en: object, zh: object): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(en)) {
    const other = (zh as Record<string, unknown>)[key];
    if (typeof value === 'string' && value !== other && value.length >= 4 && key !== 'lang') found.push(value);
    else if (value && typeof value === 'object' && other && typeof other === 'object') found.push(...englishOnly(value, other));
  }
  return found;
}
const ENGLISH = [...englishOnly(translations, zhTranslations), ...englishOnly(insightTranslations, zhInsightTranslations)];

/**
 * The interface's own text on the page, shadow roots included: text, labels, placeholders and
 * titles, without the corpus's (questions, answers, snippets, follow-up context), which may be English.
 */
const interfaceText = (page: Page) => page.evaluate(() => {
  const corpus = '.hit .question, .hit .snippet, .answer-body, .context, .qa-record h1, .related-answers a, [role=option] .q, [role=option] .s, [role=option] .c, .tag, pre, code, noscript, script, style, input';
  const parts: string[] = [];
  // a loop, not a nested function: tsx names functions with a helper the page does not have
  const roots: (Document | ShadowRoot)[] = [document];
  for (let root = roots.pop(); root; root = roots.pop()) {
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) roots.push(element.shadowRoot);
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
      if (element.closest(corpus)) continue;
      for (const node of element.childNodes) if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) parts.push(node.textContent!.trim());
    }
  }
  return parts;
});

/** `part` holds an English interface phrase ("SOFA Weekly", the name, is no English "Weekly" label). */
const isEnglish = (part: string) => ENGLISH.some((phrase) => part.replaceAll('SOFA Weekly', '').includes(phrase));

async function assertNoEnglish(page: Page, what: string): Promise<void> {
  const text = await interfaceText(page);
  const english = text.filter(isEnglish);
  assert.deepEqual(english, [], `${what}: English interface text for a Chinese reader`);
}

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

test('a Chinese browser: the search page, its results and filters speak Chinese, <html lang="zh-CN">', { skip }, closingPages(async () => {
  const page = await t.newPage({ locale: 'zh-CN' });
  await page.goto(`${t.origin}/?q=timeout`);
  await page.locator('.hit').first().waitFor();
  assert.equal(await lang(page), 'zh-CN');
  assert.match((await page.locator('.results .status').textContent())!, /“timeout”的结果/);
  await page.locator('.hit .expand').first().click();
  await page.locator('.hit .answer').first().waitFor();
  await assertNoEnglish(page, 'results');
  assert.match(await page.title(), /SOFA Weekly 问答$/);
}));

test('an English browser gets <html lang="en"> on the search page (the shell said zh-CN to everyone)', { skip }, closingPages(async () => {
  const page = await t.newPage({ locale: 'en-US' });
  await page.goto(`${t.origin}/?q=timeout`);
  await page.locator('.hit').first().waitFor();
  assert.equal(await lang(page), 'en');
}));

test('a Chinese browser: the "no direct answer" state and its next steps are Chinese', { skip }, closingPages(async () => {
  const page = await t.newPage({ locale: 'zh-CN' });
  await page.goto(`${t.origin}/?q=${encodeURIComponent(NO_ANSWER)}`);
  await page.getByText('没有找到直接回答这个问题的问答').waitFor();
  await page.locator('details.related summary').click();
  await page.locator('details.related .hit').first().waitFor();
  await assertNoEnglish(page, 'no direct answer');
}));

test('a Chinese browser: the answer page is Chinese, with lang="zh-CN"', { skip }, closingPages(async () => {
  const page = await t.newPage({ locale: 'zh-CN' });
  await page.goto(`${t.origin}/qa/rpc-timeout-zh?q=timeout`);
  await page.locator('.qa-record .actions button').first().waitFor();
  assert.equal(await lang(page), 'zh-CN');
  await assertNoEnglish(page, 'answer page');
}));

test('a Chinese browser: the widget is Chinese on an English docs page, and says so with lang', { skip }, closingPages(async () => {
  const page = await t.newPage({ locale: 'zh-CN' });
  await page.goto(`${t.otherOrigin}/demo`);
  const trigger = page.locator('weekly-faq-search button.trigger');
  await trigger.waitFor();
  assert.equal(await page.locator('weekly-faq-search').getAttribute('lang'), 'zh-CN');
  assert.equal(await page.locator('weekly-faq-dialog').getAttribute('lang'), 'zh-CN');
  await trigger.click();
  await page.locator('weekly-faq-dialog input').fill(NO_ANSWER);
  await page.locator('weekly-faq-dialog .none', { hasText: '没有找到直接回答这个问题的问答' }).waitFor();
  // the demo page's own text is English on purpose: only the widget is checked
  const widgetOnly = async () => (await interfaceText(page)).filter(isEnglish);
  await page.evaluate(() => document.querySelector('main')?.remove());
  assert.deepEqual(await widgetOnly(), []);
  await page.locator('weekly-faq-dialog button.related').click();
  await page.locator('weekly-faq-dialog [role=option]').first().waitFor();
  assert.deepEqual(await widgetOnly(), []);
  await page.locator('weekly-faq-dialog input').fill('timeout');
  await page.locator('weekly-faq-dialog .status', { hasText: /“timeout”的结果/ }).waitFor();
  assert.deepEqual(await widgetOnly(), []);
  assert.match((await page.locator('weekly-faq-dialog a.all').textContent())!, /[\u4e00-\u9fff]/);
}));
