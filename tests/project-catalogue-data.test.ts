import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DataFileError } from '../src/errors/data-file-error.ts';
import { loadProjectCatalogue } from '../src/load-project-catalogue.ts';
import { getProjectByLabel, getMentionedProjects } from '../src/project-catalogue.ts';

function catalogueError(text: string): DataFileError {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-')), 'project-catalogue.yaml');
  fs.writeFileSync(file, text);
  try {
    loadProjectCatalogue(file);
  } catch (error) {
    assert.ok(error instanceof DataFileError, String(error));
    return error;
  }
  assert.fail('expected a DataFileError');
}

const project = (fields: string) => `umbrellaLabels: [sofastack]\nprojects:\n  - name: MOSN\n    aliases: [mosn]\n    repos: [mosn/mosn]\n${fields}`;

test('the shipped catalogue loads: aliases, misspellings and mentions as before', () => {
  assert.equal(getProjectByLabel('SOFARegistery')?.name, 'SOFARegistry');
  assert.equal(getProjectByLabel('「 SOFA-Jraft 」')?.name, 'SOFAJRaft');
  assert.equal(getProjectByLabel('SOFAStack'), null);
  assert.deepEqual(getMentionedProjects('BabaSSL 的国密支持'), ['Tongsuo']);
});

test('a broken catalogue names the file, the line and the field', () => {
  const badPattern = catalogueError(project('    mentions: ["mosn(", ok]\n    synonyms: []\n'));
  assert.equal(badPattern.line, 6);
  assert.match(badPattern.message, /project-catalogue\.yaml:6: projects \/ 0 \/ mentions \/ 0: expected a regular expression/);
  const missing = catalogueError(project('    mentions: []\n'));
  assert.match(missing.message, /projects \/ 0 \/ synonyms: /);
  const unknownField = catalogueError(project('    mentions: []\n    synonyms: []\n    homepage: x\n'));
  assert.match(unknownField.message, /projects \/ 0: .*homepage/);
  assert.match(catalogueError('projects: [\n').message, /project-catalogue\.yaml:\d+: /);
});
