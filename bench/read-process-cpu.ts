import fs from 'node:fs';

/** User and system CPU of process `pid` so far, ms (/proc/PID/stat, in clock ticks of 10 ms). */
export function readProcessCpu(pid: number): { user: number; system: number } {
  // the name field may hold spaces and parentheses: the fields that follow start after its last ')'
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)!.split(' ');
  return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
}

/** User + system CPU of process `pid` so far, ms; 0 without a pid. */
export function readProcessCpuMs(pid: number | null | undefined): number {
  if (!pid) return 0;
  const { user, system } = readProcessCpu(pid);
  return user + system;
}
