import { hasRedactedCredentials } from '../../src/redact-url-credentials.ts';
import { getDefaultSourceConfigs, type SourceConfig } from '../../src/source-config.ts';
import type { IndexState } from './reindex-state.ts';

/** The sources an index was last built from, as its reindex state tells them. */
export interface LastBuiltSources {
  /** The content sources of that run (roots as kept: absolute paths, git URLs with credentials redacted). */
  sources: SourceConfig[];
  /** The roots, for a log line. */
  roots: string[];
  /** False when a root is a git URL whose credentials were redacted: it cannot be cloned again as kept. */
  reindexable: boolean;
}

/**
 * What a service started without SOURCES or WEEKLY_SOURCE reindexes: the sources of the last
 * successful run (`npm run index -- <path>`, an earlier start with another WEEKLY_SOURCE), so
 * that the nightly run keeps the index what it is instead of replacing it with the sample
 * posts. A state written before the source configs were kept gives its roots as docs-site
 * checkouts (what `npm run index -- <path>` reads). Null when the state names no source.
 */
export function getLastBuiltSources(state: IndexState | null): LastBuiltSources | null {
  if (!state?.sources?.length) return null;
  const sources = state.sourceConfigs?.length ? state.sourceConfigs : state.sources.flatMap(getDefaultSourceConfigs);
  const roots = [...new Set(sources.map((source) => source.root))];
  return { sources, roots, reindexable: !roots.some(hasRedactedCredentials) };
}
