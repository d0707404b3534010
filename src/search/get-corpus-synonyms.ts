import type { QaRecord } from '../qa-record.ts';
import { buildSynonymGraph, linkLists } from './build-synonym-graph.ts';
import { buildDictionary, countChineseWords, type DictionaryOptions } from './build-dictionary.ts';
import { loadLexicon } from './load-lexicon.ts';

/**
 * The index's synonyms with the corpus dictionary added (`buildDictionary` over CC-CEDICT,
 * restricted to the Chinese words of `records`): English word -> its Chinese corpus words,
 * one way. Keys already in `synonyms` keep theirs and gain the dictionary's (`buildSynonymGraph`).
 */
export async function getCorpusSynonyms(records: Iterable<Pick<QaRecord, 'question' | 'answer'>>, synonyms: Readonly<Record<string, readonly string[]>>, options: DictionaryOptions = {}): Promise<Record<string, string[]>> {
  const texts: string[] = [];
  for (const record of records) texts.push(`${record.question}\n${record.answer}`);
  const counts = countChineseWords(texts);
  // No word in enough records to enter the dictionary (an English corpus): the same empty
  // dictionary without reading CC-CEDICT (~1 s and ~150 MB per reindex).
  const minDocuments = options.minDocuments ?? 2;
  if (![...counts.values()].some((documents) => documents >= minDocuments)) return buildSynonymGraph(linkLists(synonyms));
  const dictionary = buildDictionary(await loadLexicon(), counts, options);
  return buildSynonymGraph([...linkLists(synonyms), ...linkLists(dictionary)]);
}
