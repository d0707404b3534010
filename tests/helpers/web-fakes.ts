import type { SearchAnswer } from '../../web/src/core/api-types.ts';
import type { Timers } from '../../web/src/core/create-search-controller.ts';
import type { SearchParams } from '../../web/src/core/search-params.ts';

/** Timers that only fire on `tick(ms)`. */
export function createFakeTimers(): Timers & { tick(ms: number): void; pending(): number } {
  let now = 0;
  let nextId = 1;
  const queue = new Map<number, { at: number; callback: () => void }>();
  return {
    setTimeout(callback, ms) {
      const id = nextId++;
      queue.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    tick(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...queue].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        queue.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = until;
    },
    pending: () => queue.size,
  };
}

/** A promise with its resolve/reject in hand. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A search result whose single hit's id names the query it answers. */
export function makeResult(query: string, overrides: Partial<SearchAnswer> = {}): SearchAnswer {
  return {
    query, page: 1, hitsPerPage: 10, totalHits: 1, totalPages: 1, processingTimeMs: 1,
    hits: [{
      id: `hit-for-${query}`, kind: 'weekly', lang: 'zh', question: `Q ${query}`, answer: `A ${query}`, answerHtml: `<p>A ${query}</p>`, asker: null, issue: null, issueUrl: null,
      projects: ['MOSN'], projectSource: 'attribution', projectConfidence: null, followup: false, context: null, date: '2021-01-01', year: 2021, title: 'T', source: 's.md', url: 'https://example.org/',
      highlight: { question: `Q <mark>${query}</mark>`, answer: `A ${query}` },
      match: 'strong', score: 1, alsoIn: [],
    }],
    facets: { projects: { MOSN: 1 }, years: { 2021: 1 }, kinds: { weekly: 1 } },
    strongHits: 1, detectedProject: null, detectedProjects: [], searchedFor: query, project: [],
    ...overrides,
  };
}

/** A fake API client: each `search` call waits for the test to settle it. */
export function createFakeClient() {
  const calls: { params: SearchParams; signal: AbortSignal | undefined; answer: ReturnType<typeof deferred<SearchAnswer>> }[] = [];
  return {
    calls,
    search(params: SearchParams, signal?: AbortSignal) {
      const answer = deferred<SearchAnswer>();
      calls.push({ params, signal, answer });
      return answer.promise;
    },
  };
}

/** Let resolved promises run their callbacks. */
export const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
