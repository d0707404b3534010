import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: Promise<string> | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** The CSS selectors of the offending nodes (shadow roots as nested arrays, joined with " >>> "). */
  targets: string[];
}

/**
 * axe-core's WCAG 2.x A/AA rules (and its best practices) run over `page` as it is now,
 * shadow roots included. Injected through `evaluate`, so the pages' Content-Security-Policy
 * does not stand in the way of the script.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  source ??= fs.readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const script = await source;
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(script);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((node) => `${node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' ')} [${(node.failureSummary ?? '').replace(/\s+/g, ' ')}]`),
    }));
  });
}

/** The violations axe rates serious or critical: the ones a reader is blocked by. */
export function isBlocking(violation: AxeViolation): boolean {
  return violation.impact === 'serious' || violation.impact === 'critical';
}

/** One line per violation, for an assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact} ${v.id} (${v.help}): ${v.targets.join(', ')}`).join('\n');
}
