import path from 'node:path';

/**
 * A test file says it must run alone (after the concurrent files, one at a time) with this
 * line: `// test-runner: alone (why)`. For tests that kill, restart or starve processes of
 * their own, where other files' load would only add noise.
 */
export const ALONE_MARKER = /^\/\/ test-runner: alone\b/m;

/** Whole families that run alone whatever their files say: fault injection and the embedded server's life cycle. */
const ALONE_PREFIXES = ['faults-', 'embedded-meili-'];

/**
 * What keeps a file in a process of its own: hooks (a file's `before`/`after` would apply to
 * every file of a shared process), process-wide state (environment, listeners, mocks, timers,
 * the working directory), child processes, servers and the Meilisearch helpers. Anything else
 * (pure functions, the app called without a port) can share one process with other such files:
 * starting a process with tsx costs about a CPU-second, most of such a file's time.
 */
const NEEDS_OWN_PROCESS = [
  /\b(before|after|beforeEach|afterEach|describe)\(/,
  /process\.(env|on|once|chdir|exit)/,
  /\bmock\./,
  /\bsetTimeout\(|\bsetInterval\(/,
  /\bspawn(Sync)?\(|\bexec(File)?(Sync)?\(|\bfork\(/,
  /\.listen\(/,
  /\bglobalThis\b/,
  /start(TestMeili|ApiTest|InsightsTest|WebBrowserTest|ServiceChild|EmbeddedMeili)\b|connectMeili\b/,
  ALONE_MARKER,
];

/** True when a test file with this source can run in one process with other such files (see NEEDS_OWN_PROCESS). */
export function canShareProcess(source: string): boolean {
  return !NEEDS_OWN_PROCESS.some((pattern) => pattern.test(source));
}

export interface TestFileSplit {
  /** Files run in one process together (imported one after the other). */
  oneProcess: string[];
  /** Files run concurrently, each in its own process, on the run's shared Meilisearch. */
  together: string[];
  /** Files run afterwards, one at a time. */
  alone: string[];
}

/** A rough guess of a file's length from what it starts: Chromium 3, child processes 2, Meilisearch 1. */
export function getExpectedWeight(source: string): number {
  if (/startWebBrowserTest|chromium/.test(source)) return 3;
  if (/\bspawn(Sync)?\(|startServiceChild/.test(source)) return 2;
  if (/start(TestMeili|ApiTest|InsightsTest)\b/.test(source)) return 1;
  return 0;
}

/** How the runner runs each of `files` (with their `sources`). */
export function splitTestFiles(files: readonly { file: string; source: string }[]): TestFileSplit {
  const split: TestFileSplit = { oneProcess: [], together: [], alone: [] };
  for (const { file, source } of files) {
    if (ALONE_MARKER.test(source)) split.alone.push(file);
    else if (canShareProcess(source)) split.oneProcess.push(file);
    else if (ALONE_PREFIXES.some((prefix) => path.basename(file).startsWith(prefix))) split.alone.push(file);
    else split.together.push(file);
  }
  // the likely longest first (browsers, child processes, Meilisearch), so no long file starts last
  const weight = (file: string) => getExpectedWeight(files.find((f) => f.file === file)?.source ?? '');
  split.together.sort((a, b) => weight(b) - weight(a));
  return split;
}
