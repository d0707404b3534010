import type { QaRecord } from '../../src/qa-record.ts';

/** A valid QaRecord; `n` makes id, question and slug unique. */
export function makeRecord(n: number, overrides: Partial<QaRecord> = {}): QaRecord {
  const slug = `sofa-weekly-test-${Math.floor(n / 10)}`;
  return {
    id: `rec-${n}`,
    question: `Question ${n}: how do I configure SOFARPC timeout number ${n}?`,
    answer: `Answer ${n}: set the timeout in the consumer config.`,
    answerHtml: `<p>Answer ${n}: set the timeout in the consumer config.</p>`,
    asker: `asker${n % 7}`,
    issue: null,
    issueUrl: null,
    projects: ['SOFARPC'],
    projectSource: 'attribution',
    projectConfidence: null,
    followup: false,
    thread: 1 + (n % 5),
    turn: 1,
    context: null,
    date: '2021-03-19',
    year: 2021,
    title: 'SOFA Weekly | test',
    source: `zh/blog/${slug}/index.md`,
    url: `https://www.sofastack.tech/blog/${slug}/`,
    kind: 'weekly',
    lang: 'zh',
    ...overrides,
  };
}

/** `count` records numbered from `from`. */
export function makeRecords(count: number, from = 0, overrides: Partial<QaRecord> = {}): QaRecord[] {
  return Array.from({ length: count }, (_, i) => makeRecord(from + i, overrides));
}

/** An async iterable over `records` (the shape `reindex` takes). */
export async function* streamOf<T>(records: Iterable<T>): AsyncGenerator<T> {
  for (const record of records) yield record;
}
