import { SloTimeWindow } from '../openslo/types';

/** The short windows that burn rates are measured over (Google SRE workbook). */
export const BURN_RATE_WINDOWS = [
  '5m',
  '30m',
  '1h',
  '2h',
  '6h',
  '1d',
  '3d',
] as const;
export type BurnRateWindow = (typeof BURN_RATE_WINDOWS)[number];

export const BURN_RATE_WINDOW_SECONDS: Record<BurnRateWindow, number> = {
  '5m': 300,
  '30m': 1800,
  '1h': 3600,
  '2h': 7200,
  '6h': 21600,
  '1d': 86400,
  '3d': 259200,
};

/**
 * The multi-window, multi-burn-rate alerts: an alert fires when both the long
 * and the short window burn faster than the factor (the short window makes it
 * stop soon after the burn stops).
 */
export interface BurnRateAlertCondition {
  severity: 'page' | 'ticket';
  long: BurnRateWindow;
  short: BurnRateWindow;
  factor: number;
}

export const BURN_RATE_ALERT_CONDITIONS: readonly BurnRateAlertCondition[] = [
  { severity: 'page', long: '1h', short: '5m', factor: 14.4 },
  { severity: 'page', long: '6h', short: '30m', factor: 6 },
  { severity: 'ticket', long: '1d', short: '2h', factor: 3 },
  { severity: 'ticket', long: '3d', short: '6h', factor: 1 },
];

export interface CompliancePeriod {
  start: Date;
  end: Date;
  /** Length of the range evaluated so far (for a calendar month: since its start). */
  elapsedSeconds: number;
  /** Length of the full period (28d, 30d, or this month's days). */
  periodSeconds: number;
}

/**
 * The compliance period that an evaluation at `at` looks back over: the last
 * N days for a rolling window, or the current UTC month so far for a
 * calendar window.
 */
export function compliancePeriod(
  window: SloTimeWindow,
  at: Date,
): CompliancePeriod {
  if (window.kind === 'rolling') {
    return {
      start: new Date(at.getTime() - window.seconds * 1000),
      end: at,
      elapsedSeconds: window.seconds,
      periodSeconds: window.seconds,
    };
  }
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const next = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  return {
    start,
    end: at,
    elapsedSeconds: Math.max(
      0,
      Math.floor((at.getTime() - start.getTime()) / 1000),
    ),
    periodSeconds: (next.getTime() - start.getTime()) / 1000,
  };
}

/** Whole days in the period, as the `slo:time_period:days` rule states it. */
export function periodDays(window: SloTimeWindow): number {
  return window.kind === 'rolling' ? window.seconds / 86400 : 30;
}
