import path from 'node:path';
import type { Logger } from 'pino';
import { isGitSource, prepareGitSource } from './git-source.ts';

/**
 * Turn reindex sources into folders to read: git sources (URLs, bare repositories) are
 * cloned or updated under `<dataDir>/sources/` (see `prepareGitSource`); paths are resolved.
 */
export async function resolveSources(options: { sources: string[]; dataDir: string; logger: Logger }): Promise<string[]> {
  const paths: string[] = [];
  for (const source of options.sources) {
    paths.push(isGitSource(source) ? (await prepareGitSource({ source, dataDir: options.dataDir, logger: options.logger })).path : path.resolve(source));
  }
  return paths;
}
