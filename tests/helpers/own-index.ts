import type { Meilisearch } from 'meilisearch';

/** The index each test's admin client belongs to (see `startTestMeili`): `seedIndex`'s default. */
const OWN_INDEX = new WeakMap<Meilisearch, string>();

export function setOwnIndex(admin: Meilisearch, indexName: string): void {
  OWN_INDEX.set(admin, indexName);
}

export function getOwnIndex(admin: Meilisearch): string | undefined {
  return OWN_INDEX.get(admin);
}
