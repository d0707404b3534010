import type { QaRecord } from '../qa-record.ts';
import { getCopyKey } from './get-copy-key.ts';
import { getProjectMentions } from './get-project-mentions.ts';
import { toSearchDocument, type SearchDocument } from './search-document.ts';
import { withRelevanceFields, type RelevanceFields } from './relevance-document.ts';

/**
 * A record as the live index stores it: the search document, its kind and language, the
 * projects its text names (`getProjectMentions`), the key its copies share (`copyKey`:
 * `getCopyKey`, the same question and answer posted again) and the relevance-only bigram fields.
 */
export type IndexDocument = SearchDocument & RelevanceFields & { projectMentions: string[]; copyKey: string };

/** Map a record to the document uploaded to the index (used by the reindex and by test seeding alike). */
export function toIndexDocument(record: QaRecord): IndexDocument {
  return { ...withRelevanceFields(toSearchDocument(record)), projectMentions: getProjectMentions(record), copyKey: getCopyKey(record.question, record.answer) };
}
