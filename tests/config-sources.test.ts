import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../src/config.ts';
import { ConfigError } from '../src/errors/config-error.ts';
import { getJobSources } from '../src/source-config.ts';

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
  assert.fail('expected a ConfigError');
}

function writeTemp(name: string, text: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sources-'));
  const file = path.join(folder, name);
  fs.writeFileSync(file, text);
  return file;
}

test('SOURCES names each source as kind:root; WEEKLY_SOURCE is a docs-site checkout (its FAQ pages and weekly posts)', () => {
  assert.deepEqual(loadConfig({ SOURCES: 'weekly:../blog, faq:../site' }).sources, [{ kind: 'weekly', root: '../blog' }, { kind: 'faq', root: '../site' }]);
  assert.deepEqual(loadConfig({ SOURCES: 'faq:https://github.com/sofastack/sofastack.tech.git' }).sources, [{ kind: 'faq', root: 'https://github.com/sofastack/sofastack.tech.git' }]);
  const alias = loadConfig({ WEEKLY_SOURCE: '../site' });
  assert.deepEqual(alias.sources, []);
  assert.deepEqual(getJobSources(alias), [{ kind: 'faq', root: '../site' }, { kind: 'weekly', root: '../site' }]);
  // SOURCES wins over WEEKLY_SOURCE; roots given to a run win over both
  assert.deepEqual(getJobSources(loadConfig({ WEEKLY_SOURCE: '../site', SOURCES: 'weekly:../blog' })), [{ kind: 'weekly', root: '../blog' }]);
  assert.deepEqual(getJobSources(alias, ['/x']), [{ kind: 'faq', root: '/x' }, { kind: 'weekly', root: '/x' }]);
});

test('SOURCES errors name the variable, the entry and what is wrong', () => {
  assert.match(configError({ SOURCES: 'weekly:../a,blog:../b' }), /SOURCES: entry 2 "blog:..\/b": unknown kind "blog": expected weekly or faq/);
  assert.match(configError({ SOURCES: '../site' }), /SOURCES: entry 1 "..\/site": expected kind:root/);
  // a git URL's password never reaches the message (it is logged at start)
  const withPassword = configError({ SOURCES: 'blog:https://user:s3cr3t@example.com/x.git' });
  assert.match(withPassword, /entry 1 "blog:https:\/\/user:\*\*\*@example\.com\/x\.git": unknown kind "blog"/);
  assert.doesNotMatch(withPassword, /s3cr3t/);
});

test('a sources file: patterns validated, roots relative to the file, errors naming the file and the line', () => {
  const good = writeTemp('sources.yaml', [
    'sources:',
    '  - kind: faq',
    '    root: site',
    '    include: ["docs/**/faq/*.md"]',
    '  - kind: weekly',
    '    root: https://example.org/site.git',
    '    titlePattern: "Weekly"',
    '',
  ].join('\n'));
  assert.deepEqual(loadConfig({ SOURCES: good }).sources, [
    { kind: 'faq', root: path.join(path.dirname(good), 'site'), include: ['docs/**/faq/*.md'] },
    { kind: 'weekly', root: 'https://example.org/site.git', titlePattern: 'Weekly' },
  ]);
  const badPattern = writeTemp('sources.yaml', 'sources:\n  - kind: weekly\n    root: site\n    titlePattern: "("\n');
  assert.match(configError({ SOURCES: badPattern }), new RegExp(`SOURCES: .*sources\\.yaml line 4: sources / 0 / titlePattern: expected a regular expression`));
  const unknownKind = writeTemp('sources.yml', 'sources:\n  - kind: faq\n    root: a\n  - kind: podcast\n    root: b\n');
  assert.match(configError({ SOURCES: unknownKind }), /sources\.yml line 4: sources \/ 1 \/ kind: expected a kind: weekly or faq/);
  const typo = writeTemp('sources.json', '{"sources": [{"kind": "faq", "root": "a", "includes": ["x"]}]}');
  assert.match(configError({ SOURCES: typo }), /sources\.json line 1: sources \/ 0: .*includes/);
  assert.match(configError({ SOURCES: '/nowhere/sources.yaml' }), /SOURCES: \/nowhere\/sources\.yaml: cannot be read \(ENOENT\)/);
});
