/**
 * `record[key]` when `key` is the record's own: word lists and synonym maps are plain objects
 * keyed by the words of a query, and a query may be `constructor` or `__proto__`, which a plain
 * lookup answers with Object.prototype's members instead of "no entry".
 */
export function getOwnEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
