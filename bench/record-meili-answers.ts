import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMeiliTransport } from '../src/meili/create-meili-transport.ts';
import type { SearchRequest } from '../src/contract/request-schemas.ts';
import { getIndexSynonyms } from '../src/search/index-settings.ts';
import { getProjectSynonyms } from '../src/search/get-project-synonyms.ts';
import type { SearchIndex } from '../src/search/search-index.ts';
import { startService, ROOT, type BenchService } from './start-service.ts';

/** A search core's entry (`searchQa` of this checkout or of another one's sources). */
export type SearchQaFunction = (index: SearchIndex, request: SearchRequest, options: { multiSearchRequests?: number; synonyms?: Readonly<Record<string, readonly string[]>> }) => Promise<unknown>;

/** The synonyms the service marks in highlights. */
export const SERVICE_SYNONYMS = getIndexSynonyms(getProjectSynonyms());

/** The service on a copy of an indexed DATA_DIR (removed by `stop`), for its Meilisearch. */
export async function startOnCopy(indexedDataDir: string): Promise<{ service: BenchService; stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-faq-record-'));
  execFileSync('cp', ['-a', `${path.resolve(indexedDataDir)}/.`, dataDir]);
  for (const stale of ['service.lock', 'meili-runtime.json']) fs.rmSync(path.join(dataDir, stale), { force: true });
  const service = await startService({ source: path.resolve(ROOT, '../shared/corpus/sofastack.tech'), dataDir });
  return { service, stop: async () => void (await service.stop({ removeData: true })) };
}

/**
 * Every Meilisearch request the search cores send for `requests` (as one request and split in
 * two), with Meilisearch's answer text: `path\nbody` -> answer.
 */
export async function recordMeiliAnswers(indexedDataDir: string, cores: SearchQaFunction[], requests: SearchRequest[]): Promise<Map<string, string>> {
  const recorded = new Map<string, string>();
  const { service, stop } = await startOnCopy(indexedDataDir);
  try {
    const real = createMeiliTransport({ url: service.meiliUrl, apiKey: service.searchKey });
    const transport = {
      post: async (p: string, body: string) => {
        const answer = await real.post(p, body);
        recorded.set(`${p}\n${body}`, JSON.stringify(answer));
        return answer;
      },
    };
    for (const searchQa of cores) for (const request of requests) for (const n of [1, 2]) await searchQa({ uid: 'qa', transport }, request, { multiSearchRequests: n, synonyms: SERVICE_SYNONYMS });
    real.close();
  } finally {
    await stop();
  }
  return recorded;
}
