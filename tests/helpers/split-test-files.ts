import path from 'node:path';

/**
 * A test file says it must run alone (after the concurrent files, one at a time) with this
 * line: `// test-runner: alone (why)`. For tests that kill, restart or starve processes of
 * their own, where other files' load would only add noise.
 */
export const ALONE_MARKER = /^\/\/ test-runner: alone\b/m;

/** Whole families that run alone whatever their files say: fault injection and the embedded server's life cycle. */
const ALONE_PREFIXES = ['faults-', 'embedded-meili-'];

/** Which of `files` (with their `sources`) run concurrently on the shared server, and which alone. */
export function splitTestFiles(files: readonly { file: string; source: string }[]): { together: string[]; alone: string[] } {
  const together: string[] = [];
  const alone: string[] = [];
  for (const { file, source } of files) {
    const runsAlone = ALONE_PREFIXES.some((prefix) => path.basename(file).startsWith(prefix)) || ALONE_MARKER.test(source);
    (runsAlone ? alone : together).push(file);
  }
  return { together, alone };
}
