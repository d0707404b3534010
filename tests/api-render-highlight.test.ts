import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HIGHLIGHT_POST_TAG as POST, HIGHLIGHT_PRE_TAG as PRE, escapeHtml, renderHighlight } from '../src/search/render-highlight.ts';

test('escapes everything, then marks only the sentinel-wrapped words', () => {
  assert.equal(renderHighlight(`a <b>${PRE}timeout${POST}</b> & "q" 'x'`), 'a &lt;b&gt;<mark>timeout</mark>&lt;/b&gt; &amp; &quot;q&quot; &#39;x&#39;');
  assert.equal(renderHighlight(`${PRE}<script>${POST}alert(1)`), '<mark>&lt;script&gt;</mark>alert(1)');
  assert.equal(renderHighlight('<mark>literal</mark>'), '&lt;mark&gt;literal&lt;/mark&gt;', 'corpus text that looks like a mark stays text');
  assert.equal(renderHighlight(''), '');
  assert.equal(renderHighlight(null), '');
  assert.equal(escapeHtml('&amp;'), '&amp;amp;');
});

test('marks are always balanced, stray sentinels dropped', () => {
  assert.equal(renderHighlight(`${PRE}open`), '<mark>open</mark>');
  assert.equal(renderHighlight(`close${POST}`), 'close');
  assert.equal(renderHighlight(`${PRE}${PRE}a${POST}${POST}`), '<mark>a</mark>');
});

test('over random strings: no markup but <mark>, and the text survives', () => {
  const alphabet = ['<', '>', '&', '"', "'", 'a', ' ', '测', PRE, POST, '/', '=', 'script', 'img onerror'];
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  for (let i = 0; i < 500; i++) {
    const input = Array.from({ length: random(40) }, () => alphabet[random(alphabet.length)]).join('');
    const html = renderHighlight(input);
    const withoutMarks = html.replace(/<\/?mark>/g, '');
    assert.ok(!/[<>"']/.test(withoutMarks), html);
    assert.equal((html.match(/<mark>/g) ?? []).length, (html.match(/<\/mark>/g) ?? []).length, html);
    const decoded = withoutMarks.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    assert.equal(decoded, input.replace(/[\uE000\uE001]/g, ''));
  }
});
