import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { highlightTerms } from '../src/search/highlight-terms.ts';

test('Chinese words are marked by their bigrams, touching matches as one run', () => {
  assert.equal(highlightTerms('客户端在注册中心的状态', ['注册中心']), '客户端在<mark>注册中心</mark>的状态');
  assert.equal(highlightTerms('配置中心', ['注册中心']), '配置<mark>中心</mark>');
});

test('Latin words are marked case-insensitively at word starts only', () => {
  assert.equal(highlightTerms('MOSN 的 data 与 AT 模式', ['mosn', 'AT']), '<mark>MOSN</mark> 的 data 与 <mark>AT</mark> 模式');
});

test('custom tags; no needle leaves the text alone', () => {
  assert.equal(highlightTerms('SOFARPC 泛化调用', ['泛化'], { preTag: '[', postTag: ']' }), 'SOFARPC [泛化]调用');
  assert.equal(highlightTerms('SOFARPC', ['a', '号']), 'SOFARPC');
  assert.equal(highlightTerms('', ['mosn']), '');
});

test('regular-expression characters in words are literal', () => {
  assert.equal(highlightTerms('use c++ or c. here', ['c.']), 'use c++ or <mark>c.</mark> here');
  assert.equal(highlightTerms('axb', ['a.b']), 'axb');
});

test('a Latin word is marked despite typos, within Meilisearch\'s budget, never on a short word', () => {
  assert.equal(highlightTerms('SOFAJRaft 的选举。', ['sofajarft']), '<mark>SOFAJRaft</mark> 的选举。');
  assert.equal(highlightTerms('see SOFAJRaft.', ['sofajarft']), 'see <mark>SOFAJRaft</mark>.');
  assert.equal(highlightTerms('the registry address', ['regsitry']), 'the <mark>registry</mark> address');
  // 4 letters: no typo forgiven; a typo on the first letter counts as two.
  assert.equal(highlightTerms('MOSX and MOSN', ['mosn']), 'MOSX and <mark>MOSN</mark>');
  assert.equal(highlightTerms('the registry', ['fegistry']), 'the registry');
});

test('a word or bigram of characters beyond the Basic Multilingual Plane is marked, and marking ends', () => {
  // CJK Extension B characters are two UTF-16 code units each: a pattern stepped forward by
  // one code unit inside such a match found the same match again, forever, and froze the service.
  const script = `import { highlightTerms } from ${JSON.stringify(new URL('../src/search/highlight-terms.ts', import.meta.url).href)};
    process.stdout.write(highlightTerms('x𠀀𠀁y 𠀀𠀁', ['𠀀𠀁']) + '|' + highlightTerms('x \u{1DF00}ab y', ['\u{1DF00}ab']));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.signal, null, 'highlighting did not end');
  assert.equal(run.stdout, 'x<mark>𠀀𠀁</mark>y <mark>𠀀𠀁</mark>|x <mark>\u{1DF00}ab</mark> y');
});
