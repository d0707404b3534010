import type { QaRecord } from '../qa-record.ts';
import type { Kind, Lang } from '../contract/search-constants.ts';
import { getProjectMentions } from './get-project-mentions.ts';
import { toSearchDocument, type SearchDocument } from './search-document.ts';
import { withRelevanceFields, type RelevanceFields } from './relevance-document.ts';

/**
 * A record as the live index stores it: the search document, its kind and language, the
 * projects its text names (`getProjectMentions`) and the relevance-only bigram fields.
 */
export type IndexDocument = SearchDocument & RelevanceFields & { kind: Kind; lang: Lang; projectMentions: string[] };

/**
 * Map a record to the document uploaded to the index (used by the reindex and by test seeding
 * alike). A record without `kind` or `lang` is a Chinese weekly pair.
 */
export function toIndexDocument(record: QaRecord & { kind?: Kind; lang?: Lang }): IndexDocument {
  return { kind: 'weekly', lang: 'zh', ...withRelevanceFields(toSearchDocument(record)), projectMentions: getProjectMentions(record) };
}
