import { existsSync } from 'node:fs';
import type { Browser, BrowserServer } from 'playwright-core';

/**
 * Debian's `chromium-headless-shell` (`.ci/run` installs it), else its full `chromium`; the
 * browser tests skip without either. The shell is Chromium's old headless mode, the one
 * Playwright itself runs for headless tests: the same Blink and V8 without the browser's
 * windows and UI, for about half the CPU (the suite's browser files, on the run's one browser:
 * 67 CPU-seconds with chromium, 29 with the shell).
 */
export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
export const CHROMIUM = existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium';
export const SKIP_BROWSER = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install chromium-headless-shell); browser tests skipped`;

/**
 * The run's one Chromium (tests/run-tests.ts starts it when a file needs a browser): its
 * playwright endpoint. Unset when a file runs on its own; then the file launches its own.
 */
export const SHARED_BROWSER_WS = 'TEST_BROWSER_WS_ENDPOINT';

/**
 * The features playwright-core (1.65) disables itself (`chromiumSwitches.ts`): Chromium reads only
 * the last `--disable-features`, so ours must repeat them (tests/launch-test-browser.test.ts
 * checks the installed playwright-core's list is here).
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AimEnabled', 'AvoidCorsURLLoaderRestartOnRedirect', 'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose',
  'HttpsFirstBalancedModeAutoEnable', 'HttpsUpgrades', 'LensOverlay', 'MediaRouter', 'NetworkTimeServiceQuerying', 'OptimizationHints',
  'PaintHolding', 'PreconnectToSearch', 'TcpPortRandomizationWin', 'ThirdPartyStoragePartitioning',
  'msEdgeUpdateLaunchServicesPreferredVersion', 'msForceBrowserSignIn',
];

/**
 * The full Chromium's new headless mode (156) opens a browser window per context, and each window
 * loads the omnibox popup's WebUI (`chrome://omnibox-popup.top-chrome/`, twice) in a renderer of
 * its own: about 1.3 CPU-seconds per context, more than the page under test, for a popup no test
 * opens. (The headless shell has no such window.)
 */
const OUR_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

const LAUNCH_OPTIONS = {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
    `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OUR_DISABLED_FEATURES].join(',')}`,
  ],
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
