/**
 * Load extracted records into a fresh Meilisearch index with the relevance settings: shared by
 * `relevance-server.ts` and `relevance-experiments.ts`.
 */
import fs from 'node:fs/promises';
import type { Index, Meilisearch, Settings } from 'meilisearch';
import { PROJECTS } from '../src/project-catalogue.ts';
import type { QaRecord } from '../src/qa-record.ts';
import { withRelevanceFields } from '../src/search/relevance-document.ts';
import { getIndexSettings as getRelevanceSettings } from '../src/search/index-settings.ts';
import { toSearchDocument } from '../src/search/search-document.ts';

/** Canonical project name -> search synonyms, from the catalogue. */
export function getProjectSynonyms(): Record<string, string[]> {
  return Object.fromEntries(PROJECTS.map((project) => [project.name, [...project.synonyms]]));
}

/** Records of a JSON Lines file written by the extractor. */
export async function readRecords(file: string): Promise<QaRecord[]> {
  const text = await fs.readFile(file, 'utf8');
  return text.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as QaRecord);
}

export interface LoadIndexOptions {
  /** Settings to apply (default: `getRelevanceSettings` with the catalogue's synonyms). */
  settings?: Settings;
  /** Record -> document (default: `toSearchDocument` then `withRelevanceFields`). */
  toDocument?: (record: QaRecord) => object;
}

/** Delete `uid` if it exists, create it, apply the settings, add the documents, wait for all of it. */
export async function loadIndex(client: Meilisearch, uid: string, records: readonly QaRecord[], options: LoadIndexOptions = {}): Promise<Index> {
  const settings = options.settings ?? getRelevanceSettings(getProjectSynonyms());
  const toDocument: (record: QaRecord) => object = options.toDocument ?? ((record) => withRelevanceFields(toSearchDocument(record)));
  const check = (task: { status: string; error?: unknown }, what: string) => {
    if (task.status !== 'succeeded') throw new Error(`${what} on index ${uid} ended ${task.status}: ${JSON.stringify(task.error)}`);
  };
  await client.deleteIndex(uid).waitTask({ timeout: 60_000 });
  check(await client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 60_000 }), 'create');
  const index = client.index(uid);
  check(await index.updateSettings(settings).waitTask({ timeout: 120_000 }), 'settings');
  check(await index.addDocuments(records.map((record) => toDocument(record) as Record<string, unknown>)).waitTask({ timeout: 300_000 }), 'documents');
  return index;
}
