import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getNextIndex } from '../web/src/core/get-next-index.ts';
import { getSafeUrl } from '../web/src/core/get-safe-url.ts';
import { isComposing } from '../web/src/core/is-composing.ts';

test('arrow keys move through the options and wrap around', () => {
  assert.equal(getNextIndex(-1, 1, 3), 0);
  assert.equal(getNextIndex(-1, -1, 3), 2);
  assert.equal(getNextIndex(0, 1, 3), 1);
  assert.equal(getNextIndex(2, 1, 3), 0);
  assert.equal(getNextIndex(0, -1, 3), 2);
  assert.equal(getNextIndex(5, 1, 3), 0);
  assert.equal(getNextIndex(0, 1, 0), -1);
});

test('a key is the input method’s while composing (isComposing, or keyCode 229 as Safari sends)', () => {
  assert.equal(isComposing({ isComposing: true, keyCode: 13 }), true);
  assert.equal(isComposing({ isComposing: false, keyCode: 229 }), true);
  assert.equal(isComposing({ isComposing: false, keyCode: 13 }), false);
});

test('only http(s), mailto and relative URLs become links', () => {
  for (const ok of ['https://www.sofastack.tech/blog/x/', 'http://a.b/', 'mailto:a@b.c', '/qa/1', 'page.html']) assert.equal(getSafeUrl(ok), ok);
  for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<script>', 'vbscript:x', '', null, undefined]) assert.equal(getSafeUrl(bad), null, String(bad));
});
