import type { Server } from 'node:http';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { SearchResult } from '../../src/contract/search-backend.ts';
import { findServicePort } from './find-service-port.ts';
import { launchTestBrowser, SKIP_BROWSER } from './launch-test-browser.ts';
import { startApiTest, type ApiTest } from './start-api-test.ts';
import { WEB_RECORDS } from './web-records.ts';

/** The contexts opened by the test running now (the tests of a process run one at a time). */
const testContexts = new Set<BrowserContext>();

/** `context`, closed when the test running now ends (see `closingPages`). */
export function closeAtTestEnd(context: BrowserContext): BrowserContext {
  testContexts.add(context);
  return context;
}

/**
 * A browser test's body, run so that the contexts it opened (`newPage`, `closeAtTestEnd`) are
 * closed when it ends, pass or fail: `test(name, { skip }, closingPages(async () => ...))`. An
 * open page keeps Chromium busy (about 0.01 CPU-second a second each: timers, the caret), and a
 * file's pages used to stay open until the file ended, 20 or more at a time.
 */
export function closingPages(body: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await body();
    } finally {
      for (const context of testContexts) await context.close().catch(() => {});
      testContexts.clear();
    }
  };
}

/** How long a page action or wait may take (a safety limit, not a timing check). */
export const BROWSER_WAIT_MS = 90_000;

export interface WebBrowserTest {
  api: ApiTest;
  /** The app's origin (`http://127.0.0.1:PORT`). */
  origin: string;
  /** The same server under another origin (`http://localhost:PORT`), for the docs page that embeds the widget. */
  otherOrigin: string;
  browser: Browser;
  /** A fresh page in a fresh context; its uncaught errors and dialogs are collected in `problems`. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Uncaught page errors, console errors and `alert()`s seen so far. */
  problems: string[];
  /**
   * `GET /api/search?QUERY` from the test itself: the tests check that the page and the widget
   * show what the API answers, without depending on the ranking's details.
   */
  apiSearch(query: string): Promise<SearchResult>;
  stop(): Promise<void>;
}

/**
 * The real createApp on a real Meilisearch seeded with WEB_RECORDS, listening on 127.0.0.1,
 * and headless chromium (`launchTestBrowser`: the run's shared one, if any).
 */
export async function startWebBrowserTest(): Promise<WebBrowserTest> {
  const port = await findServicePort();
  // PUBLIC_URL: the demo page (opened on `localhost`) loads the widget from 127.0.0.1, another origin
  const api = await startApiTest({ records: WEB_RECORDS, env: { PUBLIC_URL: `http://127.0.0.1:${port}` } });
  let server: Server | null = null;
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  try {
    server = api.app.listen(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => server!.once('listening', resolve).once('error', reject));
    browser = await launchTestBrowser();
    const b = browser;
    const s = server;
    return {
      api,
      origin: `http://127.0.0.1:${port}`,
      otherOrigin: `http://localhost:${port}`,
      browser: b,
      problems,
      async apiSearch(query) {
        const response = await fetch(`http://127.0.0.1:${port}/api/search?${query}`);
        if (!response.ok) throw new Error(`apiSearch ${query}: ${response.status}`);
        return (await response.json()) as SearchResult;
      },
      async newPage(options = {}) {
        const context = closeAtTestEnd(await b.newContext({ viewport: { width: 1200, height: 800 }, ...options }));
        contexts.push(context);
        const page = await context.newPage();
        // Generous: a 2-core machine running Meilisearch, the API and Chromium at once has slow
        // moments; with two CPU hogs and other tests beside it, 30 s for typed results ran out.
        page.setDefaultTimeout(BROWSER_WAIT_MS);
        page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
        page.on('dialog', (dialog) => {
          problems.push(`dialog: ${dialog.message()}`);
          void dialog.dismiss();
        });
        return page;
      },
      async stop() {
        for (const context of contexts) await context.close().catch(() => {});
        await b.close();
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
        await api.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    server?.close();
    await api.stop();
    throw error;
  }
}

/**
 * The test file's WebBrowserTest, started before its first test and stopped after its last (not
 * at all without Chromium: the tests skip with `SKIP_BROWSER`): `const t = useWebBrowserTest();`
 * at the top of the file, then `t.origin`, `t.newPage()`... inside the tests.
 */
export function useWebBrowserTest(): WebBrowserTest {
  let started: WebBrowserTest | undefined;
  before(async () => {
    if (!SKIP_BROWSER) started = await startWebBrowserTest();
  });
  after(async () => {
    await started?.stop();
  });
  return new Proxy({} as WebBrowserTest, {
    get(_target, key) {
      if (!started) throw new Error(`the browser test has not started: read t.${String(key)} inside a test`);
      return Reflect.get(started, key);
    },
  });
}
