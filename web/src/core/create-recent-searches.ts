export interface RecentSearches {
  /** Newest first. */
  get(): string[];
  add(query: string): void;
  remove(query: string): void;
  clear(): void;
}

/**
 * Recent queries in `storage` (localStorage) under `key`, newest first, at most `limit`.
 * Storage that throws (private modes, blocked cookies) or holds junk is treated as empty:
 * this never breaks the widget. `storage: null` keeps nothing (the feature turned off).
 */
export function createRecentSearches(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null, key = 'weekly-faq:recent', limit = 5): RecentSearches {
  function get(): string[] {
    try {
      const value: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
      return Array.isArray(value) ? value.filter((q): q is string => typeof q === 'string' && q.trim() !== '').slice(0, limit) : [];
    } catch {
      return [];
    }
  }
  function set(queries: string[]): void {
    try {
      if (queries.length) storage?.setItem(key, JSON.stringify(queries.slice(0, limit)));
      else storage?.removeItem(key);
    } catch {
      // full or blocked storage: recent searches are a nicety
    }
  }
  return {
    get,
    add(query) {
      const q = query.trim();
      if (q) set([q, ...get().filter((old) => old !== q)]);
    },
    remove(query) {
      set(get().filter((old) => old !== query));
    },
    clear: () => set([]),
  };
}
