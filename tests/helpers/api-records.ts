import type { QaRecord } from '../../src/qa-record.ts';
import { makeRecord } from './make-record.ts';

/**
 * Small hand-written records for the API tests: several projects and years, distinct dates
 * (so date sorts are total), and one record whose text carries markup that must never reach
 * a highlight as markup.
 */
export const API_RECORDS: QaRecord[] = [
  makeRecord(1, {
    id: 'mosn-2019', projects: ['MOSN'], date: '2019-10-25', year: 2019, asker: 'alice',
    question: 'How does MOSN forward HTTP/2 streams to the upstream?',
    answer: 'MOSN multiplexes HTTP/2 streams over one upstream connection.',
    answerHtml: '<p>MOSN multiplexes HTTP/2 streams over one upstream connection.</p>',
  }),
  makeRecord(2, {
    id: 'rpc-2020-a', projects: ['SOFARPC'], date: '2020-01-10', year: 2020, asker: 'bob',
    question: 'Where do I set the SOFARPC consumer timeout?',
    answer: 'Set the timeout attribute on the consumer reference; the default timeout is 3000 ms.',
    answerHtml: '<p>Set the timeout attribute on the consumer reference; the default timeout is 3000 ms.</p>',
  }),
  makeRecord(3, {
    id: 'rpc-2020-b', projects: ['SOFARPC', 'SOFABoot'], date: '2020-03-01', year: 2020, asker: 'carol',
    question: 'SOFABoot starts SOFARPC services twice, why?',
    answer: 'Two modules publish the same service; remove one of the bindings.',
    answerHtml: '<p>Two modules publish the same service; remove one of the bindings.</p>',
  }),
  makeRecord(4, {
    id: 'jraft-2021', projects: ['SOFAJRaft'], date: '2021-09-03', year: 2021, asker: 'dave',
    question: 'Why does the JRaft leader election time out after a network partition?',
    answer: 'Raise the election timeout when the network latency is high.',
    answerHtml: '<p>Raise the election timeout when the network latency is high.</p>',
  }),
  makeRecord(5, {
    id: 'seata-2022', projects: ['Seata'], date: '2022-09-23', year: 2022, asker: 'erin', issue: 4711,
    question: 'Seata rollback fails: undo_log has no row for the branch',
    answer: 'The branch was never registered; check the data source proxy and the timeout of the global transaction.',
    answerHtml: '<p>The branch was never registered; check the data source proxy and the timeout of the global transaction.</p>',
  }),
  makeRecord(6, {
    id: 'xss-2023', projects: ['MOSN'], date: '2023-03-17', year: 2023, asker: 'mallory',
    question: 'Is <script>alert(1)</script> in a MOSN timeout header escaped?',
    answer: 'An <img src=x onerror=alert(1)> tag in the timeout page & a "quote" stay text.',
    answerHtml: '<p>An &lt;img src=x onerror=alert(1)&gt; tag in the timeout page &amp; a "quote" stay text.</p>',
  }),
  makeRecord(7, {
    id: 'layotto-2023', projects: ['Layotto'], date: '2023-05-05', year: 2023, asker: 'frank',
    question: 'Can Layotto run beside MOSN as a sidecar?',
    answer: 'Yes: Layotto is built on MOSN and runs as its own sidecar.',
    answerHtml: '<p>Yes: Layotto is built on MOSN and runs as its own sidecar.</p>',
  }),
  makeRecord(8, {
    id: 'general-2021', projects: [], date: '2021-12-01', year: 2021, asker: null,
    question: 'Is there a general timeout guideline for SOFAStack components?',
    answer: 'Each component documents its own timeout defaults.',
    answerHtml: '<p>Each component documents its own timeout defaults.</p>',
  }),
];

/** Ids of the records newest first. */
export const IDS_NEWEST_FIRST = [...API_RECORDS].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')).map((r) => r.id);
