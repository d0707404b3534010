/**
 * CPU profiles (`node --cpu-prof`) of the extractor and of the API under load, summarized by
 * self time (bench/summarize-cpu-profile.ts). The .cpuprofile files stay in bench/out/
 * (gitignored); open them in Chrome DevTools or speedscope for a flame graph.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ROOT, startService } from './start-service.ts';
import { runSearchLoad, type LoadFigures, type LoadSearch } from './run-search-load.ts';
import { profileClockUs, summarizeCpuProfileFile, type CpuProfileSummary } from './summarize-cpu-profile.ts';

export interface ProfileResult extends CpuProfileSummary {
  /** The .cpuprofile, relative to the project (not committed). */
  file: string;
  /** What ran while profiling. */
  workload: string;
}

/** The profile `pid` wrote in `dir` (Node names them CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile). */
async function findProfile(dir: string, pid: number): Promise<string> {
  const files = (await fs.readdir(dir)).filter((name) => name.endsWith('.cpuprofile') && name.split('.')[3] === String(pid));
  if (files.length === 0) throw new Error(`no .cpuprofile of pid ${pid} in ${dir}`);
  const sized = await Promise.all(files.map(async (name) => ({ name, size: (await fs.stat(path.join(dir, name))).size })));
  return path.join(dir, sized.sort((a, b) => b.size - a.size)[0]!.name);
}

/** Profile `passes` extractions of `corpus` in a child process. */
export async function profileExtractor(options: { corpus: string; passes: number; outDir: string }): Promise<ProfileResult> {
  const dir = path.join(options.outDir, 'profile-extract');
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--import', 'tsx', path.join(ROOT, 'bench/profile-extract-child.ts'), options.corpus, String(options.passes)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the extractor profile child exited with ${code}`);
  const [fromUs, toUs] = stdout.trim().split(/\s+/).map(Number);
  if (!fromUs || !toUs) throw new Error(`the extractor profile child printed no time window: ${stdout}`);
  const file = await findProfile(dir, child.pid ?? 0);
  const passes = options.passes === 1 ? 'one extraction' : `${options.passes} extractions`;
  return {
    ...(await summarizeCpuProfileFile(file, { root: ROOT, fromUs, toUs })),
    file: path.relative(ROOT, file),
    workload: `${passes} of the whole corpus after a warm-up one (module loading and the warm-up left out)`,
  };
}

/**
 * Restart the service on `dataDir` (its index already built) under `--cpu-prof`, load it with
 * the load generator for `seconds` at `connections`, stop it (the profile is written at exit).
 */
export async function profileApiUnderLoad(options: {
  source: string; dataDir: string; searches: LoadSearch[]; connections: number; seconds: number; outDir: string;
}): Promise<ProfileResult & { load: LoadFigures }> {
  const dir = path.join(options.outDir, 'profile-api');
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const service = await startService({ source: options.source, dataDir: options.dataDir, nodeFlags: ['--cpu-prof', '--cpu-prof-dir', dir] });
  let load: LoadFigures;
  let fromUs: number;
  let toUs: number;
  try {
    await runSearchLoad({ origin: service.url, searches: options.searches, connections: 4, seconds: 1 }); // warm-up
    fromUs = profileClockUs();
    load = await runSearchLoad({ origin: service.url, searches: options.searches, connections: options.connections, seconds: options.seconds });
    toUs = profileClockUs();
  } finally {
    const code = await service.stop();
    if (code !== 0) throw new Error(`the profiled service exited with ${code}`);
  }
  const file = await findProfile(dir, service.pid);
  return {
    ...(await summarizeCpuProfileFile(file, { root: ROOT, fromUs, toUs })),
    file: path.relative(ROOT, file),
    workload: `api/main.ts under load, ${options.connections} connections for ${options.seconds} s (start-up and warm-up left out)`,
    load,
  };
}
