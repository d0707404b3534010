/** A result list with the copies of each pair folded into its first listing. */
export interface CollapsedCopies {
  /** The ids in their order, each pair's later copies left out. */
  ids: string[];
  /** Kept id -> the ids of its copies left out, in their order (only ids that had some). */
  copies: Map<string, string[]>;
}

/**
 * Fold the copies of a pair (`keyOf`: the same copy key, `getCopyKey`) into the first of them in
 * `ids` (best first, or in the requested sort): that one keeps its place and names the others,
 * which leave the list, so a reader does not meet the same question and answer twice. Ids
 * without a key (an index built before the key existed) are never folded. Pure.
 */
export function collapseCopies(ids: readonly string[], keyOf: (id: string) => string | undefined): CollapsedCopies {
  const firstOf = new Map<string, string>();
  const kept: string[] = [];
  const copies = new Map<string, string[]>();
  for (const id of ids) {
    const key = keyOf(id);
    const first = key === undefined ? undefined : firstOf.get(key);
    if (first === undefined) {
      if (key !== undefined) firstOf.set(key, id);
      kept.push(id);
      continue;
    }
    const list = copies.get(first);
    if (list) list.push(id);
    else copies.set(first, [id]);
  }
  return { ids: kept, copies };
}
