import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertDataFileError, writeTempDataFile } from './helpers/data-file-test.ts';
import { TERM_EXPANSIONS_FILE, loadTermExpansions } from '../src/search/load-term-expansions.ts';
import { TERM_EXPANSIONS } from '../src/search/term-expansions.ts';

test('the domain terms load from src/data/term-expansions.yaml and are what the search uses', () => {
  const terms = loadTermExpansions();
  assert.ok(Object.keys(terms).length > 100);
  assert.deepEqual(terms.registry, ['注册中心']);
  assert.deepEqual(TERM_EXPANSIONS, terms);
  assert.match(TERM_EXPANSIONS_FILE, /src[\\/]data[\\/]term-expansions\.yaml$/);
});

test('a malformed terms file fails with the file and the line named', () => {
  assertDataFileError(loadTermExpansions, writeTempDataFile('term-expansions.yaml', '# terms\nregistry: [注册中心]\ntimeout: 超时\n'), 3, /timeout.*expected array/);
  assertDataFileError(loadTermExpansions, writeTempDataFile('term-expansions.yaml', 'registry: [注册中心]\nlease: [租约]\nTimeout: [超时]\n'), 3, /lower-case English/);
  assertDataFileError(loadTermExpansions, writeTempDataFile('term-expansions.yaml', 'registry: [注册中心]\nlease: [lease]\n'), 2, /lease \/ 0: an equivalent is a Chinese word/);
  assertDataFileError(loadTermExpansions, writeTempDataFile('term-expansions.yaml', 'registry: [注册中心]\nlease: []\n'), 2, /at least one/);
  assertDataFileError(loadTermExpansions, writeTempDataFile('term-expansions.yaml', 'registry: [注册中心\nlease: [租约]\n'), 2, /./); // where the parser notices the open list
  assertDataFileError(loadTermExpansions, writeTempDataFile('term-expansions.yaml', 'registry: [注册中心]\nregistry: [注册]\n'), 2, /unique|duplicate/i);
});

test('a terms file that cannot be read names itself', () => {
  assert.throws(() => loadTermExpansions('/nonexistent/term-expansions.yaml'), /Invalid data file \/nonexistent\/term-expansions\.yaml: cannot be read \(ENOENT\)/);
});
