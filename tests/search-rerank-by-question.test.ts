import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getQueryTerms } from '../src/search/get-query-terms.ts';
import { rerankByQuestion } from '../src/search/rerank-by-question.ts';

const understood = (q: string) => ({ terms: getQueryTerms(q), projectGroups: new Set<string>() });
const documents = new Map([
  ['answer-only', { id: 'answer-only', question: '有个问题想请教一下', answer: 'bolt 的日志可以配置 logback 关掉' }],
  ['asked', { id: 'asked', question: 'bolt 日志怎么关掉', answer: '配置 logback 即可' }],
  ['other', { id: 'other', question: 'rheakv region 分裂', answer: '分裂是有的' }],
]);

test('of two hits scoring alike, the one whose question asks the query comes first', () => {
  const scores = new Map([['answer-only', 10], ['asked', 9.6], ['other', 9]]);
  assert.deepEqual(rerankByQuestion(['answer-only', 'asked', 'other'], scores, documents, understood('bolt 日志 关掉')), ['asked', 'answer-only', 'other']);
});

test('a hit far ahead on its term scores keeps its place', () => {
  const scores = new Map([['answer-only', 10], ['asked', 4], ['other', 3]]);
  assert.deepEqual(rerankByQuestion(['answer-only', 'asked', 'other'], scores, documents, understood('bolt 日志 关掉')), ['answer-only', 'asked', 'other']);
});

test('the hits of a project the query names stay ahead, and weight 0 turns the rerank off', () => {
  const scores = new Map([['other', 5], ['answer-only', 10], ['asked', 9.6]]);
  const order = ['other', 'answer-only', 'asked'];
  assert.deepEqual(rerankByQuestion(order, scores, documents, understood('bolt 日志 关掉'), { keepFirst: new Set(['other']) }), ['other', 'asked', 'answer-only']);
  assert.deepEqual(rerankByQuestion(order, scores, documents, understood('bolt 日志 关掉'), { weight: 0 }), order);
});
