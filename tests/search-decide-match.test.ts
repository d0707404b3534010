import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideMatch, getMatchScore, type MatchEvidence } from '../src/search/decide-match.ts';

const evidence = (overrides: Partial<MatchEvidence>): MatchEvidence => ({
  coverage: 1, scoreShare: 1, relativeScore: 1, rank: 0, projectNamed: false, inNamedProject: false, ...overrides,
});

test('a hit holding most of the query, near the best score, is strong', () => {
  assert.equal(decideMatch(evidence({ coverage: 0.8, scoreShare: 0.7 })), 'strong');
  assert.equal(getMatchScore(evidence({ coverage: 0.8, scoreShare: 0.7 })), 0.7);
});

test('a hit is weak when its text or its scores lack the query, whatever its rank', () => {
  assert.equal(decideMatch(evidence({ coverage: 0.2 })), 'weak', 'the text does not hold the query');
  assert.equal(decideMatch(evidence({ scoreShare: 0.2 })), 'weak', 'only weak matches (typos, answer tail)');
  assert.equal(decideMatch(evidence({ relativeScore: 0.3 })), 'weak', 'far behind the best hit');
  assert.equal(decideMatch(evidence({ rank: 10 })), 'weak', 'beyond the candidates weighed');
  assert.equal(decideMatch(evidence({ rank: -1 })), 'weak');
});

test('when the query names a project, only hits about that project can be strong', () => {
  assert.equal(decideMatch(evidence({ projectNamed: true, inNamedProject: true })), 'strong');
  assert.equal(decideMatch(evidence({ projectNamed: true, inNamedProject: false })), 'weak', 'another project\'s answer');
  assert.equal(decideMatch(evidence({ projectNamed: false, inNamedProject: false })), 'strong', 'no project named: any project answers');
});

test('thresholds can be changed', () => {
  assert.equal(decideMatch(evidence({ coverage: 0.3, scoreShare: 0.3 }), { minEvidence: 0.25 }), 'strong');
});
