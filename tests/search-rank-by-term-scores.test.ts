import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getIdf, rankByTermScores } from '../src/search/rank-by-term-scores.ts';

test('idf falls with document frequency and never goes negative', () => {
  assert.ok(getIdf(1, 1000) > getIdf(10, 1000));
  assert.ok(getIdf(10, 1000) > getIdf(900, 1000));
  assert.ok(getIdf(1000, 1000) > 0);
  assert.ok(getIdf(5, 0) > 0);
});

test('a document matching a rare term beats one matching a common term', () => {
  const ranked = rankByTermScores([
    { documentFrequency: 500, hits: [{ id: 'common', score: 1 }] },
    { documentFrequency: 2, hits: [{ id: 'rare', score: 1 }] },
  ], 1000);
  assert.deepEqual(ranked.map((d) => d.id), ['rare', 'common']);
});

test('matching more terms adds up; the ranking score scales each term', () => {
  const ranked = rankByTermScores([
    { documentFrequency: 10, hits: [{ id: 'a', score: 1 }, { id: 'b', score: 0.5 }] },
    { documentFrequency: 10, hits: [{ id: 'a', score: 1 }] },
  ], 100);
  assert.equal(ranked[0]!.id, 'a');
  assert.equal(ranked[0]!.matchedTerms, 2);
  assert.ok(Math.abs(ranked[0]!.score - 4 * ranked[1]!.score) < 1e-9);
});

test('searches of one group are alternatives: only the best counts', () => {
  const results = [
    { documentFrequency: 10, group: 'registry', hits: [{ id: 'a', score: 1 }] },
    { documentFrequency: 20, group: 'registry', hits: [{ id: 'a', score: 1 }, { id: 'b', score: 1 }] },
  ];
  const ranked = rankByTermScores(results, 100);
  assert.equal(ranked.find((d) => d.id === 'a')!.score, getIdf(10, 100));
  assert.equal(ranked.find((d) => d.id === 'a')!.matchedTerms, 1);
});

test('weights scale a term; empty searches and bad N', () => {
  const ranked = rankByTermScores([{ documentFrequency: 5, weight: 0.5, hits: [{ id: 'a', score: 1 }] }, { documentFrequency: 0, hits: [] }], 50);
  assert.equal(ranked[0]!.score, 0.5 * getIdf(5, 50));
  assert.throws(() => rankByTermScores([], -1), RangeError);
});
