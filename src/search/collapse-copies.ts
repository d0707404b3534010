import type { RecordAny } from 'meilisearch';

/** A result list with the copies of each pair found. */
export interface CollapsedCopies {
  /** The ids in their order, each pair's later copies left out. */
  ids: string[];
  /** Id -> the ids of the other copies of its pair, in their order (only ids that have some). */
  copies: Map<string, string[]>;
}

/**
 * Find the copies of a pair in `ids` (best first, or in the requested sort): ids with the same
 * copy key (`keyOf`, `getCopyKey`). `ids` keeps the first copy of each pair in its place and
 * leaves the later ones out (the `fold` of the API's `copies` parameter); `copies` names, for
 * every copy, the others. Ids without a key (an index built before the key existed) have no
 * copies. Pure.
 */
export function collapseCopies(ids: readonly string[], keyOf: (id: string) => string | undefined): CollapsedCopies {
  const byKey = new Map<string, string[]>();
  const kept: string[] = [];
  for (const id of ids) {
    const key = keyOf(id);
    const group = key === undefined ? undefined : byKey.get(key);
    if (group) {
      group.push(id);
      continue;
    }
    if (key !== undefined) byKey.set(key, [id]);
    kept.push(id);
  }
  const copies = new Map<string, string[]>();
  for (const group of byKey.values()) {
    if (group.length > 1) for (const id of group) copies.set(id, group.filter((other) => other !== id));
  }
  return { ids: kept, copies };
}

/**
 * A folded pair's document for facet counts: each of `fields` holds the values of every copy
 * (a pair posted in 2021 and 2022 counts once under each year: what a filter on either lists).
 * Pure.
 */
export function withCopiesFacets(document: RecordAny, copies: readonly RecordAny[], fields: readonly string[]): RecordAny {
  if (copies.length === 0) return document;
  const merged: RecordAny = { ...document };
  for (const field of fields) {
    const values = new Set<unknown>();
    for (const copy of [document, ...copies]) {
      const value: unknown = copy[field];
      for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined && item !== null) values.add(item);
    }
    if (values.size > 0) merged[field] = [...values];
  }
  return merged;
}
