import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fuseRankedLists } from '../src/search/fuse-ranked-lists.ts';

const key = (id: string) => id;

test('an item ranked well by several lists beats one ranked first by a single list', () => {
  const fused = fuseRankedLists([{ items: ['a', 'b', 'c'] }, { items: ['b', 'c', 'a'] }, { items: ['d', 'b'] }], { key });
  assert.equal(fused[0]!.item, 'b');
  assert.deepEqual(fused[0]!.ranks, [2, 1, 2]);
});

test('scores are sums of weight / (k + rank)', () => {
  const fused = fuseRankedLists([{ items: ['a', 'b'], weight: 2 }, { items: ['b'] }], { key, k: 10 });
  const byItem = Object.fromEntries(fused.map((f) => [f.item, f.score]));
  assert.equal(byItem.a, 2 / 11);
  assert.equal(byItem.b, 2 / 12 + 1 / 11);
});

test('ties keep first appearance; repeats within a list count once', () => {
  assert.deepEqual(fuseRankedLists([{ items: ['x', 'y'] }, { items: ['y', 'x'] }], { key }).map((f) => f.item), ['x', 'y']);
  const fused = fuseRankedLists([{ items: ['a', 'a', 'b'] }], { key, k: 0 });
  assert.equal(fused.find((f) => f.item === 'a')!.score, 1);
});

test('the first occurrence of an item is kept, identified by key', () => {
  const fused = fuseRankedLists([{ items: [{ id: 1, from: 'first' }] }, { items: [{ id: 1, from: 'second' }] }], { key: (o) => String(o.id) });
  assert.equal(fused[0]!.item.from, 'first');
});

test('bad k or weight is a RangeError', () => {
  assert.throws(() => fuseRankedLists([{ items: ['a'] }], { key, k: -1 }), RangeError);
  assert.throws(() => fuseRankedLists([{ items: ['a'], weight: Number.NaN }], { key }), RangeError);
});

test('invariants over random lists: every item once, scores descending, weights of zero add nothing', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 200; round++) {
    const lists = Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
      items: Array.from({ length: Math.floor(random() * 8) }, () => String.fromCharCode(97 + Math.floor(random() * 10))),
      weight: Math.floor(random() * 3),
    }));
    const fused = fuseRankedLists(lists, { key });
    const all = new Set(lists.flatMap((l) => l.items));
    assert.equal(fused.length, all.size);
    for (let i = 1; i < fused.length; i++) assert.ok(fused[i - 1]!.score >= fused[i]!.score);
    for (const f of fused) if (lists.every((l, i) => l.weight === 0 || f.ranks[i] === null)) assert.equal(f.score, 0);
  }
});
