import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DataFileError } from '../src/errors/data-file-error.ts';
import { TERM_EXPANSIONS_FILE, loadTermExpansions } from '../src/search/load-term-expansions.ts';
import { TERM_EXPANSIONS } from '../src/search/term-expansions.ts';

function tempFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'terms-')), 'term-expansions.yaml');
  writeFileSync(file, text);
  return file;
}

function expectDataFileError(file: string, line: number, message: RegExp): void {
  assert.throws(() => loadTermExpansions(file), (error: unknown) => {
    assert.ok(error instanceof DataFileError, String(error));
    assert.equal(error.code, 'data-file-invalid');
    assert.equal(error.file, file);
    assert.equal(error.line, line);
    assert.ok(error.message.includes(`${file}:${line}`), error.message);
    assert.match(error.message, message);
    return true;
  });
}

test('the domain terms load from src/data/term-expansions.yaml and are what the search uses', () => {
  const terms = loadTermExpansions();
  assert.ok(Object.keys(terms).length > 100);
  assert.deepEqual(terms.registry, ['注册中心']);
  assert.deepEqual(TERM_EXPANSIONS, terms);
  assert.match(TERM_EXPANSIONS_FILE, /src[\\/]data[\\/]term-expansions\.yaml$/);
});

test('a malformed terms file fails with the file and the line named', () => {
  expectDataFileError(tempFile('# terms\nregistry: [注册中心]\ntimeout: 超时\n'), 3, /timeout.*expected array/);
  expectDataFileError(tempFile('registry: [注册中心]\nlease: [租约]\nTimeout: [超时]\n'), 3, /lower-case English/);
  expectDataFileError(tempFile('registry: [注册中心]\nlease: [lease]\n'), 2, /lease \/ 0: an equivalent is a Chinese word/);
  expectDataFileError(tempFile('registry: [注册中心]\nlease: []\n'), 2, /at least one/);
  expectDataFileError(tempFile('registry: [注册中心\nlease: [租约]\n'), 2, /./); // where the parser notices the open list
  expectDataFileError(tempFile('registry: [注册中心]\nregistry: [注册]\n'), 2, /unique|duplicate/i);
});

test('a terms file that cannot be read names itself', () => {
  assert.throws(() => loadTermExpansions('/nonexistent/term-expansions.yaml'), /Invalid data file \/nonexistent\/term-expansions\.yaml: cannot be read \(ENOENT\)/);
});
