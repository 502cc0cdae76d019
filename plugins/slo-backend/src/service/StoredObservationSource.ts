import {
  BURN_RATE_WINDOW_SECONDS,
  BURN_RATE_WINDOWS,
  compliancePeriod,
  errorRatioFromCounts,
  Measured,
  ResolvedSlo,
  WindowErrorRatios,
} from '@gogidix/plugin-slo-common';
import { SliObservation, SloStore } from '../database/SloStore';
import { SliSource } from './SliSource';

/**
 * Error ratios from SLI observations kept in the store: cumulative good and
 * total counters. A window's ratio is the increase between the newest
 * counters at or before its start and its end; with no counter near either
 * end, or no new events in between, the window is missing. One query per
 * window boundary (plus one for the newest data), whatever the number of SLOs.
 */
export class StoredObservationSource implements SliSource {
  constructor(
    private readonly store: SloStore,
    /** How old the newest observation before a boundary may be (the coarsest step stored). */
    private readonly toleranceSeconds: number,
  ) {}

  async errorRatios(slos: ResolvedSlo[], at: Date) {
    const end = Math.floor(at.getTime() / 1000);
    const starts = new Map<string, number>();
    for (const slo of slos) {
      starts.set(
        slo.id,
        end - compliancePeriod(slo.timeWindow, at).elapsedSeconds,
      );
    }
    const boundaries = new Set<number>([end, ...starts.values()]);
    for (const window of BURN_RATE_WINDOWS)
      boundaries.add(end - BURN_RATE_WINDOW_SECONDS[window]);

    const found = await this.store.observationsAtOrBefore(
      [...boundaries],
      this.toleranceSeconds,
    );
    const observations = new Map<string, SliObservation>();
    for (const [boundary, list] of found) {
      for (const o of list) observations.set(`${o.sloId}@${boundary}`, o);
    }
    const ratio = (sloId: string, from: number): Measured => {
      const first = observations.get(`${sloId}@${from}`);
      const last = observations.get(`${sloId}@${end}`);
      if (!first || !last || first.ts >= last.ts) return 'missing';
      const total = last.total - first.total;
      const good = last.good - first.good;
      // A counter that went backwards was reset: the increase is unknown.
      if (total < 0 || good < 0) return 'missing';
      return errorRatioFromCounts({ good, total });
    };

    const result = new Map<string, WindowErrorRatios>();
    for (const slo of slos) {
      const ratios: WindowErrorRatios = {
        period: ratio(slo.id, starts.get(slo.id)!),
      };
      for (const window of BURN_RATE_WINDOWS) {
        ratios[window] = ratio(slo.id, end - BURN_RATE_WINDOW_SECONDS[window]);
      }
      result.set(slo.id, ratios);
    }
    return result;
  }
}
