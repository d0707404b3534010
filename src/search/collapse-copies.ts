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
