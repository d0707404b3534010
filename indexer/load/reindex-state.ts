import fs from 'node:fs/promises';
import path from 'node:path';
import type { SourceConfig } from '../../src/source-config.ts';

/** What the last successful reindex of an index left behind, to skip an unchanged source. */
export interface IndexState {
  fingerprint: string;
  documents: number;
  finishedAt: string;
  /** The sources of that run (`getSourceIdentity`); absent in states written before it was kept. */
  sources?: string[];
  /**
   * The content sources of that run (kind, root, patterns), roots as in `sources` (git URLs
   * with credentials redacted): what a service started without SOURCES or WEEKLY_SOURCE
   * reindexes. Absent in states written before it was kept.
   */
  sourceConfigs?: SourceConfig[];
  /** `getIndexFormat()` of the code that ran: absent in states written before it was kept (taken as another format). */
  indexFormat?: string;
}

interface StateFile {
  version: 1;
  indexes: Record<string, IndexState>;
}

/** Path of the state file in a data directory. */
export function getReindexStatePath(dataDir: string): string {
  return path.join(dataDir, 'reindex-state.json');
}

async function readStateFile(file: string): Promise<StateFile> {
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<StateFile>;
    if (parsed.version === 1 && parsed.indexes && typeof parsed.indexes === 'object') return parsed as StateFile;
  } catch {
    // missing or unreadable: as if no run succeeded yet
  }
  return { version: 1, indexes: {} };
}

/** State of the last successful run for `indexName`, or null. */
export async function readIndexState(file: string, indexName: string): Promise<IndexState | null> {
  return (await readStateFile(file)).indexes[indexName] ?? null;
}

/** Record a successful run (atomic write: temp file + rename). */
export async function writeIndexState(file: string, indexName: string, state: IndexState): Promise<void> {
  const all = await readStateFile(file);
  all.indexes[indexName] = state;
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, `${JSON.stringify(all, null, 2)}\n`);
  await fs.rename(tmp, file);
}
