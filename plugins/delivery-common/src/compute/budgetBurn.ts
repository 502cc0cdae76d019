import { DeploymentEvent } from '../events';
import { HOUR_MS, timeMs } from './options';
import { lastAtMost } from './sorted';

/**
 * One reading of an SLO's error budget: the share (1 = all) left at `ts`;
 * null when it could not be measured.
 */
export interface BudgetReading {
  ts: string;
  remaining: number | null;
}

/** The error budget a deployment was followed by, for the SLO timeline. */
export interface DeploymentBudgetBurn {
  deploymentId: string;
  entityRef: string;
  /** Null for a deployment still in progress. */
  finishedAt: string | null;
  /**
   * Share of the budget burned in the hours after the deployment finished
   * (0.05 is 5 points); null when the readings do not reach its finish or
   * one of the readings it needs is missing (missing is never read as no
   * burn).
   */
  burned: number | null;
  /** False when the readings end before the hours are over (the burn so far), or without a figure. */
  complete: boolean;
}

interface Reading {
  ms: number;
  remaining: number | null;
}

interface MeasuredReading {
  ms: number;
  remaining: number;
}

const readingMs = (r: Reading) => r.ms;

const isMeasured = (r: Reading): r is MeasuredReading =>
  r.remaining !== null && Number.isFinite(r.remaining);

/** Linear between readings; `sorted` spans `ms`. */
function remainingAt(sorted: MeasuredReading[], ms: number): number {
  const index = lastAtMost(sorted, readingMs, ms);
  const before = sorted[index];
  const after = sorted[index + 1];
  if (!after || before.ms === ms) return before.remaining;
  return (
    before.remaining +
    ((after.remaining - before.remaining) * (ms - before.ms)) /
      (after.ms - before.ms)
  );
}

/**
 * For each deployment, the error budget burned in the `hours` after it
 * finished: the sum of every fall of the remaining share between readings
 * (budget that returns as old errors leave a rolling window is not
 * subtracted, so recovery cannot hide a burn).
 */
export function budgetBurnedAfter(
  deployments: readonly DeploymentEvent[],
  budgetSeries: readonly BudgetReading[],
  hours: number,
): DeploymentBudgetBurn[] {
  if (!Number.isFinite(hours) || hours <= 0) {
    throw new RangeError(`hours must be more than 0, got ${hours}`);
  }
  const readings = budgetSeries
    .map(r => ({ ms: timeMs(r.ts), remaining: r.remaining }))
    .filter(r => Number.isFinite(r.ms))
    .sort((a, b) => a.ms - b.ms);
  const first = readings[0];
  const last = readings[readings.length - 1];

  return deployments.map(deployment => {
    const result: DeploymentBudgetBurn = {
      deploymentId: deployment.id,
      entityRef: deployment.entityRef,
      finishedAt: deployment.finishedAt,
      burned: null,
      complete: false,
    };
    const startMs = timeMs(deployment.finishedAt);
    if (!first || !(startMs >= first.ms && startMs <= last.ms)) return result;
    const endMs = startMs + hours * HOUR_MS;
    const stopMs = Math.min(endMs, last.ms);
    // The readings around the start, inside, and around the end.
    const firstUsed = lastAtMost(readings, readingMs, startMs);
    let lastUsed = lastAtMost(readings, readingMs, stopMs);
    if (readings[lastUsed].ms < stopMs) lastUsed += 1;
    const used = readings.slice(firstUsed, lastUsed + 1);
    if (!used.every(isMeasured)) return result;
    const points = [remainingAt(used, startMs)];
    for (const reading of used) {
      if (reading.ms > startMs && reading.ms < endMs) {
        points.push(reading.remaining);
      }
    }
    points.push(remainingAt(used, stopMs));
    let burned = 0;
    for (let i = 1; i < points.length; i++) {
      burned += Math.max(0, points[i - 1] - points[i]);
    }
    return { ...result, burned, complete: endMs <= last.ms };
  });
}
