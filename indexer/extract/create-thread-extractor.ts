import type { Worker } from 'node:worker_threads';
import type { SourceConfig } from '../../src/source-config.ts';
import { startModuleWorker } from '../../src/start-module-worker.ts';
import type { SourceDefaults } from '../sources/create-content-sources.ts';
import type { ExtractFileRequest } from './extract-file-worker.ts';
import type { FileExtractor } from './extract-file.ts';
import type { PostResult } from './post-result.ts';

export interface ThreadExtractor {
  extract: FileExtractor;
  /** Stop the threads; extractions still waiting are rejected. */
  close(): Promise<void>;
}

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve: (result: PostResult) => void; reject: (error: Error) => void }>;
  failed: Error | null;
}

/**
 * Extraction on `threads` worker threads, each with the sources of `configs`: files are parsed in
 * parallel while this thread reads the next ones and writes results (which `extractCorpus` still
 * yields in discovery order, so the output is the same as in one thread). The threads start at
 * once, so their module loading overlaps the walk of the tree.
 */
export function createThreadExtractor(options: { configs: readonly SourceConfig[]; defaults?: SourceDefaults; threads: number }): ThreadExtractor {
  let nextId = 0;
  const threads: Thread[] = Array.from({ length: Math.max(1, options.threads) }, () => {
    const worker = startModuleWorker(import.meta.url, 'extract-file-worker', { workerData: { configs: options.configs, defaults: options.defaults ?? {} } });
    const thread: Thread = { worker, pending: new Map(), failed: null };
    const fail = (error: Error): void => {
      thread.failed ??= error;
      for (const { reject } of thread.pending.values()) reject(error);
      thread.pending.clear();
    };
    worker.on('message', (message: { id: number; result?: PostResult; error?: string }) => {
      const waiting = thread.pending.get(message.id);
      thread.pending.delete(message.id);
      if (message.result) waiting?.resolve(message.result);
      else waiting?.reject(new Error(`extraction thread: ${message.error ?? 'failed'}`));
    });
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => fail(new Error(`extraction thread exited (code ${code})`)));
    return thread;
  });

  return {
    extract(text, file) {
      const live = threads.filter((thread) => !thread.failed);
      if (live.length === 0) return Promise.reject(threads[0]!.failed!);
      // the least busy thread: posts vary from 1 to 60 KB
      const thread = live.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
      const id = nextId++;
      return new Promise<PostResult>((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        const request: ExtractFileRequest = { id, text, path: file.path, source: file.source };
        thread.worker.postMessage(request);
      });
    },
    async close() {
      await Promise.all(threads.map((thread) => thread.worker.terminate()));
    },
  };
}
