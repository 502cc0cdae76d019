/* eslint-disable no-console */
// Timing and printing of the delivery bench: runs with their percentiles
// and the memory one page costs.
import { OrgPage } from './orgPages';

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
export const ms = (x: number) => `${x.toFixed(1)} ms`;
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
export const gc = () => (global as { gc?: () => void }).gc?.();

export interface Timed {
  times: number[];
  rssDelta: number;
  heapDelta: number;
  result: OrgPage;
}

/**
 * `runs` runs, after one warm-up if asked, each after `prepare` (not timed);
 * the memory delta of the first measured one.
 */
export async function time(
  runs: number,
  warmUp: boolean,
  run: () => Promise<OrgPage>,
  prepare: () => Promise<void> = async () => {},
): Promise<Timed> {
  let result = warmUp ? await run() : undefined;
  gc();
  const before = process.memoryUsage();
  const times: number[] = [];
  let rssDelta = 0;
  let heapDelta = 0;
  for (let i = 0; i < runs; i++) {
    await prepare();
    const begin = performance.now();
    result = await run();
    times.push(performance.now() - begin);
    if (i === 0) {
      // Held result and garbage not yet collected: what one page costs.
      const after = process.memoryUsage();
      rssDelta = after.rss - before.rss;
      heapDelta = after.heapUsed - before.heapUsed;
    }
  }
  return {
    times: times.sort((a, b) => a - b),
    rssDelta,
    heapDelta,
    result: result!,
  };
}

export const line = (label: string, t: Timed) =>
  t.times.length > 0 &&
  console.log(
    `  ${label.padEnd(9)} p50 ${ms(percentile(t.times, 50))}, p95 ${ms(
      percentile(t.times, 95),
    )}, p99 ${ms(percentile(t.times, 99))}, min ${ms(t.times[0])}, max ${ms(
      t.times[t.times.length - 1],
    )} (${t.times.length} runs); RSS +${mib(t.rssDelta)}, heap +${mib(
      t.heapDelta,
    )}`,
  );
