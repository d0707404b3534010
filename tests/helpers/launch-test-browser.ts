import { existsSync } from 'node:fs';
import type { Browser, BrowserServer } from 'playwright-core';

/** Debian's chromium (`.ci/run` installs it); the browser tests skip without it. */
export const CHROMIUM = '/usr/bin/chromium';
export const SKIP_BROWSER = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install chromium); browser tests skipped`;

/**
 * The run's one Chromium (tests/run-tests.ts starts it when a file needs a browser): its
 * playwright endpoint. Unset when a file runs on its own; then the file launches its own.
 */
export const SHARED_BROWSER_WS = 'TEST_BROWSER_WS_ENDPOINT';

const LAUNCH_OPTIONS = {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
};

/**
 * Headless Chromium (no network but loopback) for a test file: the run's shared one when there
 * is one, else a browser of the file's own. Tests isolate themselves with a context each
 * (`browser.newContext()`); `close()` closes this file's contexts and, on the shared browser,
 * only disconnects. Starting Chromium costs about a CPU-second, and the suite has several
 * browser files.
 */
export async function launchTestBrowser(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const wsEndpoint = env[SHARED_BROWSER_WS];
  return wsEndpoint ? await chromium.connect(wsEndpoint) : await chromium.launch(LAUNCH_OPTIONS);
}

/**
 * The run's shared Chromium, for `launchTestBrowser` in the test processes (its `wsEndpoint()`).
 * playwright-core (about a CPU-second to load) is loaded by the call, not by this module: the
 * runner imports it.
 */
export async function launchSharedBrowser(): Promise<BrowserServer> {
  const { chromium } = await import('playwright-core');
  return await chromium.launchServer(LAUNCH_OPTIONS);
}
