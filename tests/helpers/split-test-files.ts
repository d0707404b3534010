/**
 * A test file says it must not run at the same time as another such file with this line:
 * `// test-runner: alone (why)`. These run one after the other (beside the other files): tests
 * that kill, stop and restart processes of their own, or run `npm start` (which may build dist/).
 */
export const ALONE_MARKER = /^\/\/ test-runner: alone\b/m;

/**
 * What keeps a file in a process of its own: hooks that apply to every test of a process
 * (`beforeEach`/`afterEach`, `describe`), process-wide state (changes to the environment,
 * signal listeners, mocks, the working directory, globals), child processes that run beside
 * the tests (`spawn`, `exec`, `fork`), its own Meilisearch, and Chromium. Anything else can share
 * a process with other such files: pure functions, the app called without a port or listening
 * on port 0, reads of the environment, child processes waited for (`spawnSync`,
 * `execFileSync`: the process does nothing else meanwhile), the run's shared Meilisearch. Their
 * `before`/`after` hooks then all run before the first test and after the last one of that
 * process. Starting a process with tsx and loading the app costs 1-3 CPU-seconds, often more
 * than the file's tests.
 */
const NEEDS_OWN_PROCESS = [
  /\b(beforeEach|afterEach|describe)\(/,
  // writes only: `{ ...process.env, X }` for a child, or reading a flag, changes nothing
  /process\.env(\.\w+|\[[^\]]+\])\s*(=(?!=)|\?\?=|\|\|=)|delete process\.env|Object\.assign\(process\.env|process\.(on|once|chdir|exit)\b/,
  /\bmock\./,
  // not `re.exec(`: a RegExp's
  /(?<![.\w])(spawn|exec|execFile|fork)\(/,
  /\bglobalThis\b/,
  /start(ServiceChild|EmbeddedMeili)\b|connectMeili\b/,
  /\bown: true\b/,
  ALONE_MARKER,
];

/** What drives Chromium (tests/helpers/launch-test-browser.ts). */
const BROWSER = /startWebBrowserTest|useWebBrowserTest|launchTestBrowser\b|chromium\.launch/;

/** True when a test file with this source can run in one process with other such files (see NEEDS_OWN_PROCESS). */
export function canShareProcess(source: string): boolean {
  return !BROWSER.test(source) && !NEEDS_OWN_PROCESS.some((pattern) => pattern.test(source));
}

/**
 * True when a test file drives Chromium and needs nothing else of a process of its own: such
 * files run in one process together (on the run's one Chromium, a context per test), apart from
 * the other files, whose processes would wait on their long page runs. Loading tsx, the app and
 * playwright costs about 4 CPU-seconds a process.
 */
export function canShareBrowserProcess(source: string): boolean {
  return BROWSER.test(source) && !NEEDS_OWN_PROCESS.some((pattern) => pattern.test(source));
}

export interface TestFileSplit {
  /**
   * Groups of files, each group run in one process (its files imported one after the other):
   * the browser files first (canShareBrowserProcess, in two processes), then the others that can share (`groups`).
   */
  oneProcess: string[][];
  /** Files run concurrently, each in its own process, on the run's shared Meilisearch. */
  together: string[];
  /** Files run afterwards, one at a time. */
  alone: string[];
}

/** True when a test file with this source drives Chromium (the runner then starts one for the run). */
export function usesBrowser(source: string): boolean {
  return BROWSER.test(source);
}

/** A rough guess of a file's length from what it starts: Chromium 4, replicas 3, child processes or a Meilisearch of its own 2, the shared Meilisearch 1. */
export function getExpectedWeight(source: string): number {
  if (usesBrowser(source)) return 4;
  if (/startReplicas/.test(source)) return 3;
  if (/\bspawn(Sync)?\(|startServiceChild|\bown: true\b/.test(source)) return 2;
  if (/start(TestMeili|ApiTest|InsightsTest)\b/.test(source)) return 1;
  return 0;
}

/**
 * How the runner runs each of `files` (with their `sources`): the files that can share a
 * process in `groups` processes of about the same expected length.
 */
export function splitTestFiles(files: readonly { file: string; source: string }[], groups = 2): TestFileSplit {
  const split: TestFileSplit = { oneProcess: Array.from({ length: groups }, () => []), together: [], alone: [] };
  const load = split.oneProcess.map(() => 0);
  const browser: string[] = [];
  for (const { file, source } of files) {
    if (ALONE_MARKER.test(source)) split.alone.push(file);
    else if (canShareBrowserProcess(source)) browser.push(file);
    else if (canShareProcess(source)) {
      // each file to the least loaded group; a file on Meilisearch counts as ten pure ones, one
      // that spawns children or reads the corpus as 25 (three of them in one group made it the
      // run's last by 20 s, 2026-12-01)
      const group = load.indexOf(Math.min(...load));
      load[group]! += [1, 10, 25][Math.min(getExpectedWeight(source), 2)]!;
      split.oneProcess[group]!.push(file);
    }
    else split.together.push(file);
  }
  // the likely longest first (browsers, child processes, Meilisearch), so no long file starts last
  const weight = (file: string) => getExpectedWeight(files.find((f) => f.file === file)?.source ?? '');
  split.together.sort((a, b) => weight(b) - weight(a));
  split.oneProcess = [...splitBrowserFiles(browser, files), ...split.oneProcess].filter((group) => group.length);
  return split;
}

/**
 * The browser files in two processes of about the same length, by the length of their source
 * (their number of cases): in one process they ran one after the other for longer than the rest
 * of the run (141 s of a 149 s `npm test`, 2026-12-01). Both connect to the run's one Chromium.
 */
function splitBrowserFiles(browser: readonly string[], files: readonly { file: string; source: string }[]): string[][] {
  const size = (file: string) => files.find((f) => f.file === file)?.source.length ?? 0;
  const groups: string[][] = [[], []];
  const load = [0, 0];
  for (const file of [...browser].sort((a, b) => size(b) - size(a) || (a < b ? -1 : 1))) {
    const group = load[0]! <= load[1]! ? 0 : 1;
    groups[group]!.push(file);
    load[group]! += size(file);
  }
  return groups;
}
