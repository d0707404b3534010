import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pickTranslations } from '../web/src/core/pick-translations.ts';
import { translations } from '../web/src/core/translations.ts';
import { zhTranslations } from '../web/src/core/translations-zh.ts';

test('the first preferred language the interface speaks wins; English otherwise', () => {
  assert.equal(pickTranslations(['zh-CN', 'en-US']), zhTranslations);
  assert.equal(pickTranslations(['zh-Hant-TW']), zhTranslations);
  assert.equal(pickTranslations(['fr-FR', 'zh']), zhTranslations);
  assert.equal(pickTranslations(['en-GB', 'zh-CN']), translations);
  assert.equal(pickTranslations(['fr-FR']), translations);
  assert.equal(pickTranslations([]), translations);
});

test('the Chinese set says the same things', () => {
  assert.equal(zhTranslations.resultCount(3, 'jraft'), '“jraft”的结果：3 条');
  assert.equal(zhTranslations.resultCount(754, ''), '共 754 条回答，最新在前');
  assert.equal(zhTranslations.pageOf(2, 5), '第 2 / 5 页');
});
