import {
  DemoIncident,
  demoErrorRatio,
  demoRequestRate,
  demoRequests,
  demoSliceIsBad,
  diurnal,
  sliceSeconds,
} from './generator';
import { DemoSloSeries, EventPart } from './series';

/** The generator's step for request SLOs (as the SLO backend's demo feed). */
export const REQUEST_STEP = 300;

/** Good and total events of one step, or cumulative since the history began. */
export interface EventCounts {
  good: number;
  total: number;
}

export const countOf = (counts: EventCounts, part: EventPart) => {
  if (part === 'good') return counts.good;
  if (part === 'total') return counts.total;
  return counts.total - counts.good;
};

/** How often an SLO's counters change: its slice, or the generator's step. */
export function stepOf(s: DemoSloSeries): number {
  const slice = sliceSeconds(s.slo);
  if (slice === undefined) return REQUEST_STEP;
  if (REQUEST_STEP % slice !== 0) {
    throw new Error(
      `SLO ${s.slo.id}: the demo exporter needs a slice that divides ${REQUEST_STEP}s, got ${s.slo.timeslice?.window}`,
    );
  }
  return slice;
}

/**
 * The events of the step ending at `end`. Request SLOs count the
 * generator's requests; a latency timeslice SLO counts requests of the
 * slice, of which enough are slow to lift the quantile over the threshold
 * exactly when the generator draws the slice as bad.
 */
export function stepCounts(
  s: DemoSloSeries,
  end: number,
  incidents: readonly DemoIncident[],
): EventCounts {
  const step = stepOf(s);
  if (s.quantile === undefined) {
    const requests = demoRequests(s.slo, end, step);
    const errorRatio = demoErrorRatio(s.slo, end, incidents);
    return {
      total: requests,
      good: requests - Math.round(requests * errorRatio),
    };
  }
  // The generator draws the slices of each 5-minute step together.
  const stepEnd = Math.ceil(end / REQUEST_STEP) * REQUEST_STEP;
  const index = (end - (stepEnd - REQUEST_STEP)) / step - 1;
  const bad = demoSliceIsBad(
    s.slo,
    stepEnd,
    index,
    demoErrorRatio(s.slo, stepEnd, incidents),
  );
  const requests = Math.round(demoRequestRate(s.slo.id) * step * diurnal(end));
  const slowShare = 1 - s.quantile;
  const slow = bad
    ? Math.ceil(requests * slowShare * 5)
    : Math.floor((requests * slowShare) / 4);
  return { total: requests, good: requests - slow };
}

/**
 * Cumulative counters of one SLO from `start` (where they are zero),
 * continued step by step. Between step ends the value moves linearly, so
 * a scrape at any moment lies on the line between the backfilled samples.
 */
export class DemoCounter {
  private readonly step: number;
  private end: number;
  private counts: EventCounts = { good: 0, total: 0 };

  constructor(
    readonly series: DemoSloSeries,
    start: number,
    private readonly incidents: readonly DemoIncident[],
  ) {
    this.step = stepOf(series);
    this.end = Math.floor(start / this.step) * this.step;
  }

  /** Calls `sample` at every step end after the last one, up to `to`. */
  advance(to: number, sample?: (ts: number, counts: EventCounts) => void) {
    while (this.end + this.step <= to) {
      this.end += this.step;
      const inc = stepCounts(this.series, this.end, this.incidents);
      this.counts = {
        good: this.counts.good + inc.good,
        total: this.counts.total + inc.total,
      };
      sample?.(this.end, this.counts);
    }
  }

  /** The counters at `at` (not before the last step end reached). */
  valueAt(at: number): EventCounts {
    this.advance(at);
    const next = stepCounts(this.series, this.end + this.step, this.incidents);
    const share = (at - this.end) / this.step;
    return {
      good: this.counts.good + next.good * share,
      total: this.counts.total + next.total * share,
    };
  }
}
