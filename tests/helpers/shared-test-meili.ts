/**
 * The one Meilisearch a test run shares (tests/run-tests.ts starts it and passes it to the test
 * processes through these variables). Unset when a test file runs on its own
 * (`node --import tsx --test tests/x.test.ts`): the helpers then start a server per file.
 */
export const SHARED_MEILI_URL = 'TEST_MEILI_URL';
export const SHARED_MEILI_MASTER_KEY = 'TEST_MEILI_MASTER_KEY';

export interface SharedTestMeili {
  url: string;
  masterKey: string;
}

/** The run's shared server, or null when there is none. */
export function getSharedTestMeili(env: NodeJS.ProcessEnv = process.env): SharedTestMeili | null {
  const url = env[SHARED_MEILI_URL];
  const masterKey = env[SHARED_MEILI_MASTER_KEY];
  return url && masterKey ? { url, masterKey } : null;
}

let count = 0;

/**
 * An index name no other test of the run uses: `test_<pid>_<n>`. Never a prefix of another
 * one followed by `_` (the reindex's build indexes are `<name>_build_<time>`), so cleaning up
 * `<name>` and `<name>_*` touches only this test's indexes.
 */
export function getUniqueIndexName(): string {
  return `test_${process.pid}_${++count}`;
}
