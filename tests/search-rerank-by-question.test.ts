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

test('with term weights, a question holding only a common word of the query does not move ahead', () => {
  const docs = new Map([
    ['rare-in-answer', { id: 'rare-in-answer', question: '这个怎么用', answer: 'autoReleaseAfterClose 设为 true 即可' }],
    ['common-in-question', { id: 'common-in-question', question: '配置 文件放在哪里', answer: '放在 resources 下' }],
  ]);
  const scores = new Map([['rare-in-answer', 10], ['common-in-question', 9]]);
  const query = understood('autoReleaseAfterClose 配置');
  const weights = new Map([['word:autoreleaseafterclose', 6.5], ['word:配置', 1.2]]);
  assert.deepEqual(rerankByQuestion(['rare-in-answer', 'common-in-question'], scores, docs, query, { weights }), ['rare-in-answer', 'common-in-question']);
  assert.deepEqual(rerankByQuestion(['rare-in-answer', 'common-in-question'], scores, docs, query), ['common-in-question', 'rare-in-answer'], 'unweighted, the common word decides');
});

test('a question holding the general words of a query does not move ahead of one holding its technical word', () => {
  // `作用` (what something does) is rarer among the pairs than `状态机`, but it is how anyone
  // phrases a question, not what it asks about.
  const docs = new Map([
    ['phrased-alike', { id: 'phrased-alike', question: '这个参数有什么作用', answer: '看文档' }],
    ['asks-the-topic', { id: 'asks-the-topic', question: 'Saga 的状态机怎么设计', answer: '用设计器' }],
  ]);
  const query = understood('状态机 作用');
  const weights = new Map([['word:作用', 3], ['word:状态机', 2]]);
  const scores = new Map([['phrased-alike', 10], ['asks-the-topic', 10]]);
  assert.deepEqual(rerankByQuestion(['phrased-alike', 'asks-the-topic'], scores, docs, query, { weights }), ['asks-the-topic', 'phrased-alike']);
});
