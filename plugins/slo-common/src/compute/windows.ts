import { SloTimeWindow } from '../openslo/types';
import { parseDurationShorthand } from '../openslo/duration';
import { calendarPeriodAround } from './calendar';

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
  /** Share of the whole period's error budget that burning at `factor` spends in `long`, in percent. */
  budgetPercent: number;
  factor: number;
}

/**
 * The SRE workbook's (and Sloth's) alert windows, as budget spent: paging
 * when 2% of the period's budget goes in an hour or 5% in six hours, a
 * ticket when 10% goes in a day or in three days.
 */
export const BURN_RATE_ALERT_WINDOWS: ReadonlyArray<
  Omit<BurnRateAlertCondition, 'factor'>
> = [
  { severity: 'page', long: '1h', short: '5m', budgetPercent: 2 },
  { severity: 'page', long: '6h', short: '30m', budgetPercent: 5 },
  { severity: 'ticket', long: '1d', short: '2h', budgetPercent: 10 },
  { severity: 'ticket', long: '3d', short: '6h', budgetPercent: 10 },
];

/**
 * The burn rate at which `budgetPercent` of a period's budget is spent in
 * `windowSeconds`: 14.4 for 2% in 1h of 30 days, 13.44 for 28 days. One
 * division of whole numbers, so the result is the double nearest the exact
 * quotient (as Sloth computes it: percent x period / window).
 */
export function burnRateFactor(
  budgetPercent: number,
  periodSeconds: number,
  windowSeconds: number,
): number {
  return (budgetPercent * periodSeconds) / (100 * windowSeconds);
}

/** The four alert conditions with factors for an SLO period of `periodSeconds`. */
export function burnRateAlertConditions(
  periodSeconds: number,
): BurnRateAlertCondition[] {
  return BURN_RATE_ALERT_WINDOWS.map(w => ({
    ...w,
    factor: burnRateFactor(
      w.budgetPercent,
      periodSeconds,
      BURN_RATE_WINDOW_SECONDS[w.long],
    ),
  }));
}

/** The conditions of a 30-day period (14.4, 6, 3, 1): the workbook's own numbers. */
export const BURN_RATE_ALERT_CONDITIONS: readonly BurnRateAlertCondition[] =
  burnRateAlertConditions(30 * 86400);

export interface CompliancePeriod {
  start: Date;
  end: Date;
  /** Length of the range evaluated so far (for a calendar period: since its start). */
  elapsedSeconds: number;
  /** Length of the full period (28d, 30d, or this calendar period's real length). */
  periodSeconds: number;
}

/**
 * The compliance period that an evaluation at `at` looks back over: the last
 * N days for a rolling window, or the current calendar period so far (in the
 * window's time zone) for a calendar window.
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
  const duration = parseDurationShorthand(window.duration);
  if (!duration) {
    throw new RangeError(`"${window.duration}" is not a calendar duration`);
  }
  const { start, end } = calendarPeriodAround(
    duration,
    window.timeZone,
    window.startTime,
    at,
  );
  return {
    start,
    end: at,
    elapsedSeconds: Math.max(
      0,
      Math.floor((at.getTime() - start.getTime()) / 1000),
    ),
    periodSeconds: (end.getTime() - start.getTime()) / 1000,
  };
}

/**
 * The SLO period as a fixed length: the rolling window, or a calendar
 * window's nominal length (1M = 30d). Burn-rate factors, `slo:time_period:days`
 * and the period rules use it, as Sloth supports only fixed periods.
 */
export function sloPeriodSeconds(window: SloTimeWindow): number {
  return window.seconds;
}

/** Days in the period, as the `slo:time_period:days` rule states it (may be fractional, e.g. 1.5). */
export function periodDays(window: SloTimeWindow): number {
  return window.seconds / 86400;
}
