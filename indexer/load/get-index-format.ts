import { createHash } from 'node:crypto';
import { RECORD_FORMAT_VERSION } from '../../src/qa-record.ts';
import { getIndexSettings } from '../../src/search/index-settings.ts';
import { getProjectSynonyms } from '../../src/search/get-project-synonyms.ts';

/**
 * What this version of the code builds an index as: its settings and record format, hashed.
 * The state of a run keeps it, so a start can tell an index an older version built (a new
 * searchable field, other synonyms) without reading the source: that index is rebuilt then,
 * not at the next nightly run, which an operator may have turned off.
 */
export function getIndexFormat(projectSynonyms: Record<string, string[]> = getProjectSynonyms()): string {
  return createHash('sha256').update(JSON.stringify({ recordFormat: RECORD_FORMAT_VERSION, settings: getIndexSettings(projectSynonyms) })).digest('hex');
}
