import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeEntities, getMarkedSegments, getSnippetSegments } from '../web/src/core/get-marked-segments.ts';

test('splits an API highlight into marked and plain runs, decoding the escapes', () => {
  assert.deepEqual(getMarkedSegments('Is &lt;script&gt;alert(1)&lt;/script&gt; in a MOSN <mark>timeout</mark> header &amp; &quot;x&quot;?'), [
    { text: 'Is <script>alert(1)</script> in a MOSN ', marked: false },
    { text: 'timeout', marked: true },
    { text: ' header & "x"?', marked: false },
  ]);
  assert.deepEqual(getMarkedSegments('<mark>超时</mark><mark>配置</mark>'), [{ text: '超时配置', marked: true }]);
  assert.deepEqual(getMarkedSegments(''), []);
});

test('markup other than <mark> stays text (it would show, never run)', () => {
  assert.deepEqual(getMarkedSegments('<img src=x onerror=alert(1)>'), [{ text: '<img src=x onerror=alert(1)>', marked: false }]);
});

test('decodes numeric references and leaves unknown ones', () => {
  assert.equal(decodeEntities('&#39;&#x4E2D;&nbsp;&bogus;&#0;'), "'中\u00a0&bogus;&#0;");
});

test('a snippet is cut around the first match, with ellipses where text was cut', () => {
  const long = `${'前'.repeat(100)}<mark>超时</mark>${'后'.repeat(100)}`;
  const snippet = getSnippetSegments(getMarkedSegments(long), 40, 10);
  const text = snippet.map((s) => s.text).join('');
  assert.equal(snippet[0]!.text, '…');
  assert.equal(snippet.at(-1)!.text, '…');
  assert.equal(text.length, 42);
  assert.ok(text.startsWith(`…${'前'.repeat(10)}超时`));
  assert.deepEqual(snippet.filter((s) => s.marked), [{ text: '超时', marked: true }]);
});

test('a short text is whole; a text without matches is cut from its start', () => {
  assert.deepEqual(getSnippetSegments([{ text: 'short  answer', marked: false }], 40), [{ text: 'short answer', marked: false }]);
  const plain = getSnippetSegments([{ text: 'x'.repeat(100), marked: false }], 40);
  assert.deepEqual(plain, [{ text: 'x'.repeat(40), marked: false }, { text: '…', marked: false }]);
});

test('a match near the end keeps the snippet full length', () => {
  const snippet = getSnippetSegments([{ text: 'a'.repeat(100), marked: false }, { text: 'end', marked: true }], 40, 10);
  assert.equal(snippet.map((s) => s.text).join('').length, 41);
  assert.deepEqual(snippet.at(-1), { text: 'end', marked: true });
});
