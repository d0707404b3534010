import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadYamlDataFile } from '../parse-yaml-data.ts';

/**
 * The domain thesaurus (`src/data/domain-thesaurus.yaml`), validated: categories of synonym
 * groups, each group two or more distinct words, each word Chinese, or lower-case Latin of at
 * least 3 characters (`-` `_` `.` inside). A Chinese word the query segmenter splits (`负载均衡`
 * becomes `负载` `均衡`) is searched as a synonym of the others but never looked up as a query
 * word itself: its group works one way. Read once at start; anything malformed throws a
 * `DataFileError` naming the file and the line.
 */

// A Latin-only word of 2 letters would match at the start of longer words (`tc` in `tcc`).
const WORD = /^(?=.*(?:\p{Script=Han}|[a-z0-9].*[a-z0-9].*[a-z0-9]))[\p{Script=Han}a-z0-9]+(?:[-_.][\p{Script=Han}a-z0-9]+)*$/u;

const groupSchema = z
  .array(z.string().regex(WORD, 'a word is one token: Chinese, or lower-case Latin letters and digits (3 or more), with - _ . inside'))
  .min(2, 'a group has two or more words')
  .refine((words) => new Set(words).size === words.length, 'a word is listed twice in its group');

export const domainThesaurusSchema = z.record(
  z.string().regex(/^[a-z][a-z-]*$/, 'a category is a lower-case name'),
  z.array(groupSchema).min(1, 'a category has at least one group'),
);

export type DomainThesaurus = z.output<typeof domainThesaurusSchema>;

export const DOMAIN_THESAURUS_FILE = fileURLToPath(new URL('../data/domain-thesaurus.yaml', import.meta.url));

/** The thesaurus of `file` (default: `src/data/domain-thesaurus.yaml`), by category. */
export function loadDomainThesaurus(file = DOMAIN_THESAURUS_FILE): DomainThesaurus {
  return loadYamlDataFile(file, domainThesaurusSchema);
}
