// The README's Configuration is where a newcomer reads the settings: it names every variable
// src/config.ts reads, each with the default a start without it gets.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CONFIG_VARIABLES, loadConfig } from '../src/config.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const start = readme.indexOf('\n## Configuration');
const section = readme.slice(start, readme.indexOf('\n## ', start + 1)).replace(/\s+/g, ' ');

/** A default as a user would set it, or null when there is none to write (unset, an empty list). */
function asWritten(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return path.isAbsolute(value) ? `./${path.relative(process.cwd(), value)}` : value;
  if (value === false) return 'off';
  return null;
}

test('the README Configuration names every variable of src/config.ts with its default', () => {
  assert.ok(start >= 0, 'README.md has a Configuration section');
  const defaults: Record<string, unknown> = loadConfig({});
  for (const [key, { env }] of Object.entries(CONFIG_VARIABLES)) {
    const at = section.indexOf(`\`${env}\``);
    assert.ok(at >= 0, `${env} is named`);
    const value = asWritten(defaults[key]);
    if (value === null) continue;
    const after = section.slice(at + env.length + 2, at + env.length + 2 + 80);
    assert.ok(after.startsWith(' (') && after.includes(value), `${env}: its default ${value} follows its name in parentheses (found "${after}")`);
  }
});
