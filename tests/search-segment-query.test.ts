import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getQueryWords, segmentQuery } from '../src/search/segment-query.ts';

test('segments join back to the NFKC-normalized query', () => {
  for (const query of ['请问 SOFARPC 能不能做泛化调用吗？', 'ＡＴ模式，', 'a  b\tc', '']) {
    assert.equal(segmentQuery(query).map((s) => s.text).join(''), query.normalize('NFKC'));
  }
});

test('Chinese without spaces is split into words; punctuation is not a word', () => {
  const words = getQueryWords('SOFARegistry 的数据版本号由谁生成？');
  assert.ok(words.includes('SOFARegistry'));
  assert.ok(words.includes('数据'));
  assert.ok(words.includes('生成'));
  assert.ok(!words.some((w) => /[？\s]/.test(w)));
});

test('full-width Latin is normalized and dotted identifiers stay whole', () => {
  assert.deepEqual(getQueryWords('ＡＴ'), ['AT']);
  assert.ok(getQueryWords('com.alipay.sofa.rpc foo').includes('com.alipay.sofa.rpc'));
});
