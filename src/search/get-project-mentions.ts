import type { QaRecord } from '../qa-record.ts';
import { getQueryProjects } from './get-query-projects.ts';

/**
 * The projects a record's text names by name or a specific alias (`SOFA RPC`, `jraft`; never a
 * generic word such as `rpc`): stored in the index (`projectMentions`), so a query naming a
 * project ranks first the hits about it, attributed to it or mentioning it, and not those that
 * merely say "RPC".
 */
export function getProjectMentions(record: Pick<QaRecord, 'question' | 'answer' | 'context'>): string[] {
  return getQueryProjects(`${record.question}\n${record.answer}\n${record.context ?? ''}`).projects;
}
