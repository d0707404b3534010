import type { QaRecord } from '../qa-record.ts';
import { getCorpusSynonyms } from './get-corpus-synonyms.ts';

/**
 * Collects the corpus's texts during a reindex and gives the index's synonyms with the corpus
 * dictionary added (`getCorpusSynonyms`): the index-time hook of `indexer/reindex.ts`.
 * Measured in `scripts/relevance-report.md` ("Dictionary").
 */
export interface CorpusDictionary {
  add(record: Pick<QaRecord, 'question' | 'answer'>): void;
  /** `synonyms` (the settings') with the dictionary's English -> Chinese entries added. */
  synonyms(synonyms: Readonly<Record<string, readonly string[]>>): Promise<Record<string, string[]>>;
}

/**
 * @param maxRecords - records read for the vocabulary at most (default: 5000): the words a
 *   corpus uses are known long before a 100x corpus ends, and reading them all would cost
 *   time and memory for nothing.
 */
export function createCorpusDictionary(maxRecords = 5000): CorpusDictionary {
  const records: Pick<QaRecord, 'question' | 'answer'>[] = [];
  return {
    add(record) {
      if (records.length < maxRecords) records.push({ question: record.question, answer: record.answer });
    },
    synonyms: (synonyms) => getCorpusSynonyms(records, synonyms),
  };
}
