/**
 * Reciprocal-rank fusion (RRF): merge several ranked result lists into one.
 *
 * Each list votes `weight / (k + rank)` for each of its items (rank from 1); items are sorted
 * by the sum of their votes. Only ranks are used, never the engines' scores, so lists from
 * different query variants (or engines) combine without calibration, and an item found near
 * the top by several variants beats one found by a single variant.
 *
 * @see Cormack, Clarke, Büttcher: "Reciprocal Rank Fusion outperforms Condorcet and individual
 *   Rank Learning Methods", SIGIR 2009 (k = 60).
 */

/** One ranked list to fuse. */
export interface RankedList<T> {
  /** Items, best first. */
  items: readonly T[];
  /** Multiplier of this list's votes (default: 1). */
  weight?: number;
}

/** One fused item. */
export interface FusedItem<T> {
  /** The item as it appeared in the first list (by list order) that contains it. */
  item: T;
  /** Sum of the votes. */
  score: number;
  /** 1-based rank of the item in each list, or null where the list does not contain it. */
  ranks: (number | null)[];
}

export interface FuseOptions<T> {
  /** Identity of an item across lists. */
  key: (item: T) => string;
  /** Rank offset that damps the weight of the very first ranks (default: 60). */
  k?: number;
}

/**
 * Fuse `lists` by reciprocal rank. Ties keep the order of first appearance (list by list).
 * An item repeated within one list counts at its best rank only.
 *
 * @throws {RangeError} when `k` is negative or a weight is negative or not finite.
 */
export function fuseRankedLists<T>(lists: readonly RankedList<T>[], options: FuseOptions<T>): FusedItem<T>[] {
  const k = options.k ?? 60;
  if (!(k >= 0) || !Number.isFinite(k)) throw new RangeError(`fuseRankedLists: k must be a finite number >= 0, got ${k}`);
  const fused = new Map<string, FusedItem<T> & { order: number }>();
  lists.forEach((list, listIndex) => {
    const weight = list.weight ?? 1;
    if (!(weight >= 0) || !Number.isFinite(weight)) {
      throw new RangeError(`fuseRankedLists: weight of list ${listIndex} must be a finite number >= 0, got ${weight}`);
    }
    list.items.forEach((item, position) => {
      const id = options.key(item);
      let entry = fused.get(id);
      if (!entry) {
        entry = { item, score: 0, ranks: lists.map(() => null), order: fused.size };
        fused.set(id, entry);
      }
      if (entry.ranks[listIndex] !== null) return;
      entry.ranks[listIndex] = position + 1;
      entry.score += weight / (k + position + 1);
    });
  });
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ item, score, ranks }) => ({ item, score, ranks }));
}
