import type { SearchEvent, SearchClient } from '../src/insights/insight-events.ts';
import type { SearchRequest } from '../src/contract/request-schemas.ts';

/** Read a count the search answer may carry under one of `names` (the answer's shape grows). */
function pickNumber(source: Record<string, unknown>, names: string[]): number | null {
  for (const name of names) {
    const value = source[name];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
}

/** The detected project, wherever the answer puts it (a name, or an object with a name). */
function pickProject(source: Record<string, unknown>): string | null {
  for (const name of ['detectedProject', 'project', 'projectIntent', 'intent']) {
    const value = source[name];
    if (typeof value === 'string' && value) return value;
    if (value && typeof value === 'object') {
      const inner = (value as Record<string, unknown>).project ?? (value as Record<string, unknown>).name;
      if (typeof inner === 'string' && inner) return inner;
    }
  }
  return null;
}

/**
 * The insight event of one answered search: the one place that maps (validated request, search
 * answer) to what is recorded. Page turns are not new searches (null). Fields the answer may
 * not have yet (strong hits, detected project) are read defensively: a strong count from the
 * answer, else from hits marked `match: "strong"`, else null (unknown).
 */
export function toSearchEvent(
  request: SearchRequest,
  result: unknown,
  context: { client: SearchClient; origin: string | null; latencyMs: number; now?: number },
): SearchEvent | null {
  if (request.page > 1) return null;
  const body = (result && typeof result === 'object' ? result : {}) as Record<string, unknown>;
  const hits = Array.isArray(body.hits) ? (body.hits as unknown[]) : [];
  const totalHits = pickNumber(body, ['totalHits', 'estimatedTotalHits']) ?? hits.length;
  let strongHits = pickNumber(body, ['strongHits', 'strongCount', 'totalStrongHits', 'strong']);
  if (strongHits === null && hits.some((hit) => hit && typeof hit === 'object' && 'match' in hit)) {
    strongHits = hits.filter((hit) => (hit as { match?: unknown }).match === 'strong').length;
  }
  const filters: Record<string, unknown> = {};
  if (request.project.length) filters.projects = request.project;
  if (request.year.length) filters.years = request.year;
  if (request.kind.length) filters.kinds = request.kind;
  if (request.from) filters.from = request.from;
  if (request.to) filters.to = request.to;
  if (request.sort !== 'relevance') filters.sort = request.sort;
  return {
    kind: 'search',
    ts: context.now ?? Date.now(),
    query: request.q,
    filters: Object.keys(filters).length ? JSON.stringify(filters) : null,
    hits: totalHits,
    strongHits,
    project: pickProject(body),
    latencyMs: Math.round(context.latencyMs * 10) / 10,
    client: context.client,
    origin: context.origin,
  };
}
