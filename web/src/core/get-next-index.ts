/**
 * The option index after moving `delta` (+1 down, -1 up) from `current` among `count`
 * options, wrapping around; `-1` (none) when there are no options. From none, down goes to
 * the first and up to the last.
 */
export function getNextIndex(current: number, delta: number, count: number): number {
  if (count <= 0) return -1;
  if (current < 0 || current >= count) return delta > 0 ? 0 : count - 1;
  return (((current + delta) % count) + count) % count;
}
