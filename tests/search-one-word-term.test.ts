import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { waitForTask } from '../src/meili/wait-for-task.ts';
import { isOneWord } from '../src/search/decide-hits.ts';
import { startTestMeili, type TestMeili } from './helpers/start-test-meili.ts';

// The strong/weak evidence trusts a Latin term's own search only when Meilisearch searched it as
// one word (`isOneWord`): a term it splits finds, with `matchingStrategy: 'last'`, documents that
// hold only its first word. Checked against the real tokenizer: a document holding only the
// term's first part is indexed, then the term is searched.
const TERMS: [term: string, firstPart: string][] = [
  ['ark-plugin', 'ark'], ['undo_log', 'undo'], ['5.7.7', '5'], ['com.alipay.sofa.rpc', 'com'],
  ['undolog', 'undo'], ['undoLog', 'undo'], ['undo2log', 'undo'],
];

let t: TestMeili;
before(async () => {
  t = await startTestMeili();
  const index = t.admin.index(t.config.indexName);
  const documents = TERMS.map(([, firstPart], i) => ({ id: `d${i}`, text: `${firstPart} zzz` }));
  await waitForTask(t.admin, index.addDocuments(documents), { operation: 'add' });
});
after(async () => {
  await t?.stop();
});

test('a term is one word for the strong/weak evidence exactly when Meilisearch searches it as one word', async () => {
  for (const [i, [term]] of TERMS.entries()) {
    const { hits } = await t.search.index(t.config.indexName).search(term, { matchingStrategy: 'last' });
    const foundByFirstWord = hits.some((hit) => hit.id === `d${i}`);
    assert.equal(isOneWord(term), !foundByFirstWord, `${term}: ${foundByFirstWord ? 'Meilisearch splits it' : 'Meilisearch keeps it whole'}`);
  }
});
