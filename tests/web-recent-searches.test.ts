import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRecentSearches } from '../web/src/core/create-recent-searches.ts';

function memoryStorage() {
  const map = new Map<string, string>();
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
}

test('keeps the newest first, without duplicates, at most `limit`', () => {
  const recent = createRecentSearches(memoryStorage(), 'k', 3);
  for (const q of ['a', 'b', ' a ', 'c', 'd', '']) recent.add(q);
  assert.deepEqual(recent.get(), ['d', 'c', 'a']);
  recent.remove('c');
  assert.deepEqual(recent.get(), ['d', 'a']);
  recent.clear();
  assert.deepEqual(recent.get(), []);
});

test('turned off (no storage): remembers nothing', () => {
  const recent = createRecentSearches(null);
  recent.add('a');
  assert.deepEqual(recent.get(), []);
});

test('storage that throws or holds junk never breaks it', () => {
  const throwing = { getItem() { throw new Error('SecurityError'); }, setItem() { throw new Error('QuotaExceededError'); }, removeItem() { throw new Error('x'); } };
  const recent = createRecentSearches(throwing);
  assert.doesNotThrow(() => recent.add('a'));
  assert.deepEqual(recent.get(), []);
  const junk = memoryStorage();
  junk.map.set('weekly-faq:recent', '{not json');
  assert.deepEqual(createRecentSearches(junk).get(), []);
  junk.map.set('weekly-faq:recent', JSON.stringify(['ok', 3, null, '']));
  assert.deepEqual(createRecentSearches(junk).get(), ['ok']);
});
