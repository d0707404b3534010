import type { QaRecord } from '../../src/qa-record.ts';
import { API_RECORDS } from './api-records.ts';
import { makeRecord } from './make-record.ts';

/**
 * A post whose text and HTML carry script, event handlers and `javascript:` links. Its
 * `answerHtml` is deliberately NOT sanitized (as if the server's sanitizer had failed), so the
 * browser tests prove the page and the widget keep it inert on their own. Anything that runs
 * sets `window.__pwned`.
 */
export const HOSTILE_RECORD: QaRecord = makeRecord(90, {
  id: 'hostile-2023', projects: ['MOSN'], date: '2023-08-11', year: 2023, asker: '<img src=x onerror="window.__pwned=1">',
  question: 'Hostile post: <script>window.__pwned=2</script> and <img src=x onerror="window.__pwned=3"> in MOSN?',
  answer: 'Hostile answer: <a href="javascript:window.__pwned=4">click</a> <img src=x onerror="window.__pwned=5">',
  answerHtml: '<p>Hostile answer: <a href="javascript:window.__pwned=4">click me</a> <img src=x onerror="window.__pwned=5"> <script>window.__pwned=6</script>'
    + '<svg onload="window.__pwned=7"></svg><iframe src="javascript:parent.__pwned=8"></iframe>'
    + '<a href="https://www.sofastack.tech/projects/mosn/" onclick="window.__pwned=9" style="color:red">MOSN docs</a></p>',
  url: 'javascript:window.__pwned=10',
  issue: 13, issueUrl: 'javascript:window.__pwned=13',
  title: 'SOFA Weekly | <b onmouseover="window.__pwned=11">hostile</b>',
});

/** Chinese records, as the real corpus is (and for the screenshots); one is a follow-up. */
export const CHINESE_RECORDS: QaRecord[] = [
  makeRecord(91, {
    id: 'mosn-timeout-zh', projects: ['MOSN'], date: '2022-06-10', year: 2022, asker: '张同学', issue: 1087,
    issueUrl: 'https://github.com/mosn/mosn/issues/1087',
    question: 'MOSN 作为 sidecar 时，上游请求的超时时间在哪里配置？',
    answer: '在路由配置的 timeout 字段中设置，单位为毫秒；不设置时使用默认的 60 秒超时。详见 MOSN 配置文档。',
    answerHtml: '<p>在路由配置的 <code>timeout</code> 字段中设置，单位为毫秒；不设置时使用默认的 60 秒超时。详见 <a href="https://mosn.io/docs/configuration/">MOSN 配置文档</a>。</p>',
    title: 'SOFA Weekly | MOSN 发布、超时配置问答', url: 'https://www.sofastack.tech/blog/sofa-weekly-20220610/',
  }),
  makeRecord(92, {
    id: 'mosn-timeout-followup-zh', projects: ['MOSN'], date: '2022-06-10', year: 2022, asker: '张同学', followup: true, turn: 2,
    context: 'MOSN 作为 sidecar 时，上游请求的超时时间在哪里配置？',
    question: '那重试的时候超时会重新计算吗？',
    answer: '会，每次重试都会使用同样的超时时间重新计时。',
    answerHtml: '<p>会，每次重试都会使用同样的超时时间重新计时。</p>',
    title: 'SOFA Weekly | MOSN 发布、超时配置问答', url: 'https://www.sofastack.tech/blog/sofa-weekly-20220610/',
  }),
  makeRecord(93, {
    id: 'rpc-timeout-zh', projects: ['SOFARPC'], date: '2021-04-16', year: 2021, asker: '李明', issue: 1024,
    issueUrl: 'https://github.com/sofastack/sofa-rpc/issues/1024',
    question: 'SOFARPC 调用超时后如何排查是服务端慢还是网络问题？',
    answer: '先看服务端的 RPC 日志中的处理耗时；如果服务端耗时很短，再检查客户端的连接和网络延迟。',
    answerHtml: '<p>先看服务端的 RPC 日志中的处理耗时；如果服务端耗时很短，再检查客户端的连接和网络延迟。</p><ul><li>服务端日志：<code>rpc-server-digest.log</code></li><li>客户端日志：<code>rpc-client-digest.log</code></li></ul>',
    title: 'SOFA Weekly | SOFARPC 问答', url: 'https://www.sofastack.tech/blog/sofa-weekly-20210416/',
  }),
  makeRecord(94, {
    id: 'seata-xa-zh', projects: ['Seata'], date: '2020-11-20', year: 2020, asker: '王五',
    question: 'Seata 的 XA 模式和 AT 模式应该怎么选？',
    answer: 'AT 模式对业务无侵入、性能更好；XA 模式依赖数据库的 XA 支持，隔离性更强。',
    answerHtml: '<p>AT 模式对业务无侵入、性能更好；XA 模式依赖数据库的 XA 支持，隔离性更强。</p>',
    title: 'SOFA Weekly | Seata 问答', url: 'https://www.sofastack.tech/blog/sofa-weekly-20201120/',
  }),
];

/** The browser tests' index: the API test records, the Chinese ones and the hostile post (14 records: two pages). */
export const WEB_RECORDS: QaRecord[] = [...API_RECORDS, ...CHINESE_RECORDS, HOSTILE_RECORD, makeRecord(95, {
  id: 'sofaboot-2018', projects: ['SOFABoot'], date: '2018-12-07', year: 2018, asker: 'grace',
  question: 'How do I isolate SOFABoot modules?', answer: 'Use SOFABoot modular development: each module has its own Spring context.',
  answerHtml: '<p>Use SOFABoot modular development: each module has its own Spring context.</p>',
})];
