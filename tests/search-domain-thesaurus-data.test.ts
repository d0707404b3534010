import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertDataFileError, writeTempDataFile } from './helpers/data-file-test.ts';
import { DOMAIN_THESAURUS_FILE, loadDomainThesaurus } from '../src/search/load-domain-thesaurus.ts';

test('the domain thesaurus loads from src/data/domain-thesaurus.yaml', () => {
  const groups = Object.values(loadDomainThesaurus()).flat();
  assert.ok(groups.length >= 100, String(groups.length));
  assert.ok(groups.some((group) => group.includes('冲正') && group.includes('补偿')));
  assert.match(DOMAIN_THESAURUS_FILE, /src[\\/]data[\\/]domain-thesaurus\.yaml$/);
});

test('a malformed thesaurus fails with the file and the line named', () => {
  assertDataFileError(loadDomainThesaurus, writeTempDataFile('domain-thesaurus.yaml', '# groups\nrpc:\n  - [重试, retry]\n  - [超时]\n'), 4, /two or more words/);
  assertDataFileError(loadDomainThesaurus, writeTempDataFile('domain-thesaurus.yaml', 'rpc:\n  - [重试, retry]\n  - [熔断, CircuitBreaker]\n'), 3, /rpc \/ 1 \/ 1: a word is one token/);
  assertDataFileError(loadDomainThesaurus, writeTempDataFile('domain-thesaurus.yaml', 'transactions:\n  - [协调者, tc]\n'), 2, /3 or more/);
  assertDataFileError(loadDomainThesaurus, writeTempDataFile('domain-thesaurus.yaml', 'rpc:\n  - [重试, 重发, 重试]\n'), 2, /listed twice/);
  assertDataFileError(loadDomainThesaurus, writeTempDataFile('domain-thesaurus.yaml', 'rpc:\n  - [重试, retry]\nrpc:\n  - [熔断, 断路器]\n'), 3, /unique|duplicate/i);
  assertDataFileError(loadDomainThesaurus, writeTempDataFile('domain-thesaurus.yaml', 'rpc:\n  - [重试, retry\n  - [熔断, 断路器]\n'), 3, /./); // where the parser notices the open list
  assertDataFileError(loadDomainThesaurus, writeTempDataFile('domain-thesaurus.yaml', 'rpc:\n  - [重试, retry]\nGateway: [[网关, gateway]]\n'), 3, /a category is a lower-case name/);
});
