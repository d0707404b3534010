// Watchdog between the service and its embedded Meilisearch (plain JS, runs with bare `node`).
//
// Why: Node cannot ask Linux to kill a child when the parent dies (no PR_SET_PDEATHSIG), so a
// SIGKILLed or crashed service would leave Meilisearch running. This tiny process spawns
// Meilisearch and kills it as soon as its own parent goes away: the IPC channel disconnects
// (immediate, any kind of parent death) or the parent pid changes (polled, belt and braces).
//
// Input: env WEEKLY_FAQ_WATCHDOG = JSON { bin, args, stopTimeoutMs }; Meilisearch's env is ours
// minus that variable. Output (IPC): { type: 'spawned', pid } then, on an unexpected exit,
// { type: 'exited', code, signal } or { type: 'spawn-error', message }. Control (IPC):
// { type: 'stop' } or SIGTERM/SIGINT/SIGHUP stops Meilisearch gracefully, then exits.
import { spawn } from 'node:child_process';

const config = JSON.parse(process.env.WEEKLY_FAQ_WATCHDOG ?? '{}');
const env = { ...process.env };
delete env.WEEKLY_FAQ_WATCHDOG;

const parentPid = process.ppid;
let stopping = false;

const child = spawn(config.bin, config.args, { env, stdio: ['ignore', 'inherit', 'inherit'] });

function send(message, then) {
  if (process.connected) {
    try {
      process.send(message, () => then?.());
      return;
    } catch {
      // channel closed between the check and the send
    }
  }
  then?.();
}

function stop() {
  if (stopping) return;
  stopping = true;
  if (child.exitCode !== null || child.signalCode !== null) process.exit(0);
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), config.stopTimeoutMs ?? 10_000).unref();
}

child.on('spawn', () => send({ type: 'spawned', pid: child.pid }));
child.on('error', (error) => {
  send({ type: 'spawn-error', message: error.message }, () => process.exit(1));
});
child.on('exit', (code, signal) => {
  if (stopping) process.exit(0);
  send({ type: 'exited', code, signal }, () => process.exit(1));
});

process.on('disconnect', stop);
process.on('message', (message) => {
  if (message && message.type === 'stop') stop();
});
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, stop);

setInterval(() => {
  let alive = process.ppid === parentPid;
  if (alive) {
    try {
      process.kill(parentPid, 0);
    } catch {
      alive = false;
    }
  }
  if (!alive) stop();
}, 500);
