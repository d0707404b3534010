import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { parseYamlData } from '../src/parse-yaml-data.ts';

const DATA = new URL('../src/data/', import.meta.url);

// A valid file is read by js-yaml, a refused one again by `yaml` for its line: both must agree.
test('every shipped data file reads the same as the line-reporting parser reads it', () => {
  const files = readdirSync(DATA).filter((name) => /\.(ya?ml|json)$/.test(name));
  assert.ok(files.length >= 4, `data files: ${files.join(', ')}`);
  for (const name of files) {
    const text = readFileSync(new URL(name, DATA), 'utf8');
    const parsed = parseYamlData(text, z.unknown());
    assert.ok(parsed.ok, name);
    assert.deepEqual(parsed.data, parseDocument(text, { uniqueKeys: true }).toJS(), name);
  }
});

test('a duplicate key, a syntax error and a schema problem are reported on their lines', () => {
  const schema = z.object({ a: z.number(), b: z.object({ c: z.string() }) });
  assert.deepEqual(parseYamlData('a: 1\nb:\n  c: x\na: 2\n', schema), { ok: false, problem: { line: 4, message: 'Map keys must be unique at line 4, column 1:' } });
  const syntax = parseYamlData('a: 1\nb: [1, 2\n', schema);
  assert.equal(syntax.ok ? null : syntax.problem.line !== null, true);
  assert.deepEqual(parseYamlData('a: 1\nb:\n  c: 3\n', schema), { ok: false, problem: { line: 3, message: 'b / c: Invalid input: expected string, received number' } });
  assert.deepEqual(parseYamlData('a: 1\nb:\n  c: "3"\n', schema), { ok: true, data: { a: 1, b: { c: '3' } } });
});

test('values keep their YAML 1.2 core types: dates and yes/no stay strings', () => {
  assert.deepEqual(parseYamlData('when: 2019-08-30\nflag: yes\nn: 0x10\n', z.unknown()), { ok: true, data: { when: '2019-08-30', flag: 'yes', n: 16 } });
});
