/**
 * A small seeded PRNG (mulberry32) for tests that try random cases: a failure can be replayed.
 * The seed is TEST_SEED when set, else a fresh one; `describeSeed` goes into assertion messages
 * so a failing run prints how to repeat it.
 */
export interface SeededRandom {
  readonly seed: number;
  /** A float in [0, 1), like Math.random. */
  next(): number;
  /** An integer in [0, n). */
  below(n: number): number;
  /** `TEST_SEED=<seed>`, to paste in front of the test command. */
  describeSeed(): string;
}

export function createSeededRandom(seed = readSeed()): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { seed, next, below: (n) => Math.floor(next() * n), describeSeed: () => `TEST_SEED=${seed}` };
}

function readSeed(): number {
  const fromEnv = process.env.TEST_SEED;
  if (fromEnv === undefined || fromEnv === '') return Math.floor(Math.random() * 2 ** 32);
  const seed = Number(fromEnv);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new Error(`TEST_SEED must be an integer from 0 to 2^32-1, got ${JSON.stringify(fromEnv)}`);
  return seed;
}
