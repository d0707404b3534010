import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DataFileError } from '../src/errors/data-file-error.ts';
import { DOMAIN_THESAURUS_FILE, loadDomainThesaurus } from '../src/search/load-domain-thesaurus.ts';

function tempFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'thesaurus-')), 'domain-thesaurus.yaml');
  writeFileSync(file, text);
  return file;
}

function expectDataFileError(file: string, line: number, message: RegExp): void {
  assert.throws(() => loadDomainThesaurus(file), (error: unknown) => {
    assert.ok(error instanceof DataFileError, String(error));
    assert.equal(error.code, 'data-file-invalid');
    assert.equal(error.file, file);
    assert.equal(error.line, line);
    assert.ok(error.message.includes(`${file}:${line}`), error.message);
    assert.match(error.message, message);
    return true;
  });
}

test('the domain thesaurus loads from src/data/domain-thesaurus.yaml', () => {
  const groups = Object.values(loadDomainThesaurus()).flat();
  assert.ok(groups.length >= 100, String(groups.length));
  assert.ok(groups.some((group) => group.includes('冲正') && group.includes('补偿')));
  assert.match(DOMAIN_THESAURUS_FILE, /src[\\/]data[\\/]domain-thesaurus\.yaml$/);
});

test('a malformed thesaurus fails with the file and the line named', () => {
  expectDataFileError(tempFile('# groups\nrpc:\n  - [重试, retry]\n  - [超时]\n'), 4, /two or more words/);
  expectDataFileError(tempFile('rpc:\n  - [重试, retry]\n  - [熔断, CircuitBreaker]\n'), 3, /rpc \/ 1 \/ 1: a word is one token/);
  expectDataFileError(tempFile('transactions:\n  - [协调者, tc]\n'), 2, /3 or more/);
  expectDataFileError(tempFile('rpc:\n  - [重试, 重发, 重试]\n'), 2, /listed twice/);
  expectDataFileError(tempFile('rpc:\n  - [重试, retry]\nrpc:\n  - [熔断, 断路器]\n'), 3, /unique|duplicate/i);
  expectDataFileError(tempFile('rpc:\n  - [重试, retry\n  - [熔断, 断路器]\n'), 3, /./); // where the parser notices the open list
  expectDataFileError(tempFile('rpc:\n  - [重试, retry]\nGateway: [[网关, gateway]]\n'), 3, /a category is a lower-case name/);
});
