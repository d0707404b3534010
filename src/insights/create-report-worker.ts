import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { InsightsQueryOptions, InsightsReport } from './query-insights.ts';

export interface ReportWorker {
  /** The report of `file`, computed on the worker thread; rejects with the worker's error message. */
  run(file: string, options: InsightsQueryOptions): Promise<InsightsReport>;
  close(): Promise<void>;
}

/**
 * A worker thread that computes insight reports, started on first use and kept (reports are
 * rare: an admin opening `/admin`). The worker file has this module's own extension, so it
 * runs under tsx (`.ts`) and from a compiled build (`.js`) alike.
 */
export function createReportWorker(): ReportWorker {
  const ext = path.extname(fileURLToPath(import.meta.url));
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (report: InsightsReport) => void; reject: (error: Error) => void }>();

  function failAll(error: Error): void {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    worker = null;
  }

  function start(): Worker {
    const url = new URL(`./query-insights-worker${ext}`, import.meta.url);
    // a worker thread does not inherit tsx's loader: under tsx, it registers it itself first
    const started = ext === '.ts'
      ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`, { eval: true })
      : new Worker(url);
    started.unref();
    started.on('message', (message: { id: number; report?: InsightsReport; error?: string }) => {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.report) waiting?.resolve(message.report);
      else waiting?.reject(new Error(message.error ?? 'the report worker failed'));
    });
    started.on('error', (error) => failAll(error));
    started.on('exit', (code) => failAll(new Error(`the report worker exited (${code})`)));
    return started;
  }

  return {
    run(file, options) {
      worker ??= start();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage({ id, file, options });
      });
    },
    async close() {
      const running = worker;
      worker = null;
      await running?.terminate();
    },
  };
}
