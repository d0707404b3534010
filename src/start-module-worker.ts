import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running the module `name` (without extension) beside the module at
 * `besideUrl` (its `import.meta.url`), with that module's own extension: `.ts` under tsx (tests,
 * `npm run dev`), `.js` from a build. A worker thread does not inherit tsx's loader, so under tsx
 * it registers it itself before importing the module.
 */
export function startModuleWorker(besideUrl: string, name: string, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const ext = path.extname(fileURLToPath(besideUrl));
  const url = new URL(`./${name}${ext}`, besideUrl);
  if (ext !== '.ts') return new Worker(url, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`, { ...options, eval: true });
}
