/**
 * The widget: `/widget.js` gzipped, and the time from the last keystroke to rendered results on
 * the demo docs page (`/demo`, served under another origin than the API, as a docs site embeds
 * it) in headless Chromium. Falls back to the search page `/` when the demo page is not there.
 */
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from '../tests/helpers/launch-test-browser.ts';
import { median, percentile, round } from './stats.ts';

// the browser the tests drive (Debian's chromium-headless-shell, else chromium), so that a
// machine set up by .ci/run can run the bench
export { CHROMIUM };

export interface WidgetBench {
  /** Bytes of `/widget.js` as served to a browser sending `Accept-Encoding: gzip`. */
  gzipBytes: number;
  /** Bytes when gzipped at level 9 (the budget test's measure). */
  gzipLevel9Bytes: number;
  rawBytes: number;
  /** Which page was measured: the widget on `/demo`, or the search page `/` when /demo failed. */
  page: 'demo' | 'search-page';
  /** Why the search page was measured instead of the demo, or null. */
  fallbackReason: string | null;
  queries: string[];
  runs: number;
  /** Last keystroke (its `input` event) to the results of the full query in the DOM, ms. */
  keystrokeToResultsMs: { median: number; p90: number; min: number; max: number };
  /** Same, to the next animation frame after that (about when they are painted). */
  keystrokeToFrameMs: { median: number; p90: number };
  /** Debounce of the measured UI (included in the figures). */
  debounceNote: string;
  /** The browser's executable. */
  browser?: string;
  samplesMs: number[];
}

/** Bytes of the body of GET `url` with `accept-encoding` (not decoded). */
function getBytes(url: string, acceptEncoding: string): Promise<{ bytes: number; encoding: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`GET ${url}: ${res.statusCode}`));
        const body = Buffer.concat(chunks);
        resolve({ bytes: body.length, encoding: String(res.headers['content-encoding'] ?? 'identity'), body });
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}

export async function measureWidgetSize(origin: string): Promise<Pick<WidgetBench, 'gzipBytes' | 'gzipLevel9Bytes' | 'rawBytes'>> {
  const raw = await getBytes(`${origin}/widget.js`, 'identity');
  const served = await getBytes(`${origin}/widget.js`, 'gzip');
  if (served.encoding !== 'gzip') throw new Error(`/widget.js was served with content-encoding ${served.encoding}, not gzip`);
  return { gzipBytes: served.bytes, gzipLevel9Bytes: gzipSync(raw.body, { level: 9 }).length, rawBytes: raw.bytes };
}

interface Probe {
  /** `demo`: the widget dialog's shadow root; `page`: the search page's document. */
  kind: 'demo' | 'page';
  /** Open the page and focus the search box. */
  setup: (page: Page) => Promise<void>;
}

const DEMO_PROBE = (apiOrigin: string, otherOrigin: string): Probe => ({
  kind: 'demo',
  async setup(page) {
    const response = await page.goto(`${otherOrigin}/demo?api=${encodeURIComponent(apiOrigin)}`);
    if (!response?.ok()) throw new Error(`/demo answered ${response?.status()}`);
    await page.locator('weekly-faq-search button.trigger').click({ timeout: 10_000 });
    await page.locator('weekly-faq-dialog input').waitFor({ timeout: 10_000 });
    await page.locator('weekly-faq-dialog input').focus();
  },
});

const PAGE_PROBE = (apiOrigin: string): Probe => ({
  kind: 'page',
  async setup(page) {
    await page.goto(`${apiOrigin}/`);
    await page.locator('#q').waitFor({ timeout: 10_000 });
    await page.locator('.hit, .empty, .error').first().waitFor({ timeout: 10_000 });
    await page.locator('#q').focus();
  },
});

/**
 * Page script: note the time of the last `input` event and of the first DOM change after which
 * the status names the full query and hits are shown (then of the next animation frame), in
 * `window.__bench`.
 */
export function getObserverScript(kind: Probe['kind'], query: string): string {
  const demo = kind === 'demo';
  return `(() => {
  const root = ${demo ? "document.querySelector('weekly-faq-dialog').shadowRoot" : 'document'};
  const input = root.querySelector(${JSON.stringify(demo ? 'input' : '#q')});
  const query = ${JSON.stringify(query)};
  const isDone = () => (root.querySelector(${JSON.stringify(demo ? '.status' : '.results .status')})?.textContent ?? '').includes(query)
    && root.querySelectorAll(${JSON.stringify(demo ? '[role=option]' : '.hit')}).length > 0;
  const state = { lastInput: 0, dom: 0, frame: 0 };
  window.__bench = state;
  input.addEventListener('input', (event) => { state.lastInput = event.timeStamp; });
  const observer = new MutationObserver(() => {
    if (state.dom || input.value !== query || !isDone()) return;
    state.dom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => { state.frame = performance.now(); });
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
})()`;
}

/** Type `query` into a fresh page and time the last keystroke to its rendered results. */
async function timeOneSearch(browser: Browser, probe: Probe, query: string): Promise<{ dom: number; frame: number }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await probe.setup(page);
    // A string, not a function: tsx's transform would add helpers (`__name`) the page lacks.
    await page.evaluate(getObserverScript(probe.kind, query));
    await page.keyboard.type(query, { delay: 60 });
    // poll from here (waitForFunction evaluates strings in the page, which its CSP forbids);
    // the times are taken in the page, so the polling interval does not matter
    const deadline = Date.now() + 15_000;
    let state = (await page.evaluate('window.__bench')) as { lastInput: number; dom: number; frame: number };
    while (state.frame === 0) {
      if (Date.now() > deadline) throw new Error(`no results for ${JSON.stringify(query)} within 15 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = (await page.evaluate('window.__bench')) as typeof state;
    }
    return { dom: state.dom - state.lastInput, frame: state.frame - state.lastInput };
  } finally {
    await context.close();
  }
}

export interface MeasureWidgetOptions {
  /** The service, `http://127.0.0.1:PORT`. */
  origin: string;
  /** Searches typed, cycled; those without results in `project` are left out. */
  queries: string[];
  /** The project the demo page filters its widget to (default: MOSN, as web/create-web-router.ts). */
  project?: string;
  runs: number;
  log?: (line: string) => void;
}

/** Widget size and keystroke-to-results latency (median of `runs`, one fresh browser context each). */
export async function measureWidget(options: MeasureWidgetOptions): Promise<WidgetBench> {
  const { origin, runs } = options;
  const log = options.log ?? (() => {});
  const queries: string[] = [];
  for (const query of options.queries) {
    const url = `${origin}/api/search?${new URLSearchParams({ q: query, project: options.project ?? 'MOSN' })}`;
    const answer = (await (await fetch(url)).json()) as { totalHits?: number };
    if (answer.totalHits) queries.push(query);
    else log(`widget: left out ${JSON.stringify(query)}: no results in ${options.project ?? 'MOSN'}`);
  }
  if (queries.length === 0) throw new Error('measureWidget: none of the queries has results');
  const size = await measureWidgetSize(origin);
  const otherOrigin = origin.replace('127.0.0.1', 'localhost');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  try {
    let probe = DEMO_PROBE(origin, otherOrigin);
    let page: WidgetBench['page'] = 'demo';
    let fallbackReason: string | null = null;
    try {
      await timeOneSearch(browser, probe, queries[0]!); // warm-up, and the check that /demo works
    } catch (error) {
      fallbackReason = `the demo page failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); the search page / was measured instead`;
      log(`widget: ${fallbackReason}`);
      probe = PAGE_PROBE(origin);
      page = 'search-page';
      await timeOneSearch(browser, probe, queries[0]!);
    }
    const dom: number[] = [];
    const frame: number[] = [];
    for (let run = 0; run < runs; run++) {
      const timing = await timeOneSearch(browser, probe, queries[run % queries.length]!);
      dom.push(timing.dom);
      frame.push(timing.frame);
    }
    log(`widget: ${page}, median ${median(dom).toFixed(0)} ms from the last keystroke to results (${runs} runs)`);
    return {
      ...size,
      page,
      fallbackReason,
      queries,
      runs,
      keystrokeToResultsMs: { median: round(median(dom), 1), p90: round(percentile(dom, 90), 1), min: round(Math.min(...dom), 1), max: round(Math.max(...dom), 1) },
      keystrokeToFrameMs: { median: round(median(frame), 1), p90: round(percentile(frame, 90), 1) },
      browser: CHROMIUM,
      debounceNote: page === 'demo' ? 'includes the widget\'s 120 ms debounce (web/src/widget/create-widget.ts)' : 'includes the search page\'s debounce',
      samplesMs: dom.map((v) => round(v, 1)),
    };
  } finally {
    await browser.close();
  }
}
