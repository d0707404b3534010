import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Where the screenshots of docs/web.md live. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** Screenshots are written only with UPDATE_SCREENSHOTS=1 (so `npm test` leaves the tree clean). */
export const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';

export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (!UPDATE_SCREENSHOTS) return;
  await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: options.fullPage ?? false, animations: 'disabled', caret: 'hide' });
}
