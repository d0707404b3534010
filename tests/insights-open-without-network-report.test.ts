import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

// Loading libsql asks Node for a diagnostic report; with the network part in it, the report
// resolves every open socket's peer name, which froze the service for seconds under load.
test('opening the insights database never asks for a report of the open sockets', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'insights-report-'));
  const script = `
    const seen = [];
    const getReport = process.report.getReport.bind(process.report);
    process.report.getReport = (...args) => { seen.push(process.report.excludeNetwork); return getReport(...args); };
    const { openInsightsDb } = await import(${JSON.stringify(new URL('../src/insights/open-insights-db.ts', import.meta.url).href)});
    openInsightsDb(${JSON.stringify(path.join(dir, 'insights.db'))}).close();
    console.log(JSON.stringify({ seen, after: process.report.excludeNetwork }));
  `;
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    const { seen, after } = JSON.parse(out.trim().split('\n').at(-1)!) as { seen: boolean[]; after: boolean };
    assert.ok(seen.length > 0, 'libsql asked for no report: the guard is untested');
    assert.deepEqual(seen.filter((excluded) => !excluded), [], 'a report included the network handles');
    assert.equal(after, false, 'the process setting was left changed');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
