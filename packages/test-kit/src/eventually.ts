/** How long `eventually` waits, and what it says when it gives up. */
export interface EventuallyOptions {
  /** What is awaited, for the timeout message. */
  what: string;
  /** Give up after this long; default 30 s. */
  timeoutMs?: number;
  /** Pause between probes; default 250 ms. */
  intervalMs?: number;
}

/**
 * Polls `probe` until it returns a value other than `undefined` or `false`,
 * and returns that value. A probe that throws counts as "not yet"; when time
 * runs out, the error names `what` and the last thrown error.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  { what, timeoutMs = 30_000, intervalMs = 250 }: EventuallyOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError ? `; last error: ${String(lastError)}` : '';
      throw new Error(`${what} did not happen within ${timeoutMs} ms${cause}`);
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}
