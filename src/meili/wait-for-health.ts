/**
 * Poll `GET <url>/health` until it answers `{"status":"available"}`.
 * Resolves false when `timeoutMs` passes or `signal` aborts first (e.g. the server exited).
 *
 * @see https://www.meilisearch.com/docs/reference/api/health
 */
export async function waitForHealth(url: string, options: { timeoutMs?: number; intervalMs?: number; signal?: AbortSignal } = {}): Promise<boolean> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const interval = options.intervalMs ?? 50;
  while (Date.now() < deadline && !options.signal?.aborted) {
    try {
      const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        const body = (await response.json()) as { status?: string };
        if (body.status === 'available') return true;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  return false;
}
