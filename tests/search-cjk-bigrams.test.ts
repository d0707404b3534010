import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeCjkBigram, encodeCjkBigram, getCjkBigrams, getHanRuns, toCjkBigramText } from '../src/search/cjk-bigrams.ts';

test('bigrams overlap within each Han run and never cross Latin text or punctuation', () => {
  assert.deepEqual(getCjkBigrams('数据版本号'), ['数据', '据版', '版本', '本号']);
  assert.deepEqual(getCjkBigrams('注册中心 MOSN 端口，号'), ['注册', '册中', '中心', '端口']);
  assert.deepEqual(getHanRuns('a注册b中心。心'), ['注册', '中心', '心']);
});

test('a single character and text without Han give no bigram', () => {
  assert.deepEqual(getCjkBigrams('号'), []);
  assert.deepEqual(getCjkBigrams('SOFARPC timeout'), []);
  assert.equal(toCjkBigramText('SOFARPC'), '');
});

test('tokens are fixed-length ASCII and decode back, also beyond the BMP', () => {
  for (const bigram of ['注册', '中心', '𠮷野']) {
    const token = encodeCjkBigram(bigram);
    assert.match(token, /^u[0-9a-f]{5}u[0-9a-f]{5}$/);
    assert.equal(decodeCjkBigram(token), bigram);
  }
  assert.equal(decodeCjkBigram('mosn'), null);
  assert.throws(() => encodeCjkBigram('注'), RangeError);
});

test('no token is a prefix of another (prefix search cannot match a different bigram)', () => {
  const tokens = getCjkBigrams('分布式事务的全局锁与二阶段提交').map(encodeCjkBigram);
  for (const a of tokens) for (const b of tokens) if (a !== b) assert.equal(b.startsWith(a), false);
});

test('the field text keeps order and repeats', () => {
  assert.equal(toCjkBigramText('事务，事务'), [encodeCjkBigram('事务'), encodeCjkBigram('事务')].join(' '));
});
