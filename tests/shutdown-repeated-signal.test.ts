import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { installShutdownHooks } from '../src/install-shutdown-hooks.ts';
import { createLogger } from '../src/logger.ts';

/** Hooks on a clock the test moves, with a cleanup that never ends (a drain in progress) and exits recorded. */
function setup() {
  let clock = 10_000;
  const exits: number[] = [];
  const messages: string[] = [];
  const destination = new Writable({ write(chunk, _encoding, done) { messages.push(String((JSON.parse(String(chunk)) as { msg: string }).msg)); done(); } });
  let cleanups = 0;
  const hooks = installShutdownHooks({
    logger: createLogger({ level: 'info', destination }),
    cleanup: () => {
      cleanups++;
      return new Promise<void>(() => undefined);
    },
    timeoutMs: 600_000,
    now: () => clock,
    exit: (code) => void exits.push(code),
  });
  return { hooks, exits, messages, advance: (ms: number) => void (clock += ms), cleanups: () => cleanups };
}

test('Ctrl-C on `npm start` (the terminal\'s SIGINT plus npm\'s forwarded copy within a second) is one stop: the drain goes on', () => {
  const { hooks, exits, messages, advance, cleanups } = setup();
  try {
    hooks.trigger('SIGINT');
    advance(40);
    hooks.trigger('SIGINT');
    advance(900);
    hooks.trigger('SIGTERM');
    assert.deepEqual(exits, [], 'no exit while draining');
    assert.equal(cleanups(), 1, 'one cleanup');
    assert.equal(messages.filter((m) => m === 'Shutting down').length, 1);
    assert.ok(!messages.includes('Second signal: exiting now'));
  } finally {
    hooks();
  }
});

test('a signal more than a second after the first still exits at once', () => {
  const { hooks, exits, advance } = setup();
  try {
    hooks.trigger('SIGINT');
    advance(1_500);
    hooks.trigger('SIGINT');
    assert.deepEqual(exits, [130]);
  } finally {
    hooks();
  }
});
