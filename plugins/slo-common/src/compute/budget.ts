import {
  BURN_RATE_ALERT_CONDITIONS,
  BURN_RATE_WINDOWS,
  BurnRateAlertCondition,
  BurnRateWindow,
} from './windows';

/**
 * A measured ratio, or `'missing'` when there was no data. Missing is never
 * read as good: an empty query result is not 100% availability.
 */
export type Measured = number | 'missing';

export const isMeasured = (value: Measured): value is number =>
  value !== 'missing' && Number.isFinite(value);

/** Error ratio from event counts; no events at all is missing data. */
export function errorRatioFromCounts(counts: {
  good?: number;
  bad?: number;
  total: number;
}): Measured {
  if (!(counts.total > 0)) return 'missing';
  const bad = counts.bad ?? counts.total - (counts.good ?? counts.total);
  return Math.min(1, Math.max(0, bad / counts.total));
}

/** The SLI (fraction good) for an error ratio. */
export function sliFromErrorRatio(errorRatio: Measured): Measured {
  return isMeasured(errorRatio) ? 1 - errorRatio : 'missing';
}

/** How many times faster than "exactly uses the budget over the period" errors arrive. */
export function burnRate(errorRatio: Measured, target: number): Measured {
  return isMeasured(errorRatio) ? errorRatio / (1 - target) : 'missing';
}

export type BurnRates = Record<BurnRateWindow, Measured>;

export function burnRates(
  errorRatios: Partial<Record<BurnRateWindow, Measured>>,
  target: number,
): BurnRates {
  const rates = {} as BurnRates;
  for (const window of BURN_RATE_WINDOWS) {
    rates[window] = burnRate(errorRatios[window] ?? 'missing', target);
  }
  return rates;
}

export type BudgetStatus = 'healthy' | 'at-risk' | 'exhausted' | 'missing';

export interface ErrorBudget {
  /** The error ratio the objective allows (1 - target). */
  allowed: number;
  /** Fraction of the budget used in the compliance period so far. */
  consumed: Measured;
  /** 1 - consumed; negative once overspent. */
  remaining: Measured;
}

export function errorBudget(
  target: number,
  periodErrorRatio: Measured,
): ErrorBudget {
  const allowed = 1 - target;
  if (!isMeasured(periodErrorRatio)) {
    return { allowed, consumed: 'missing', remaining: 'missing' };
  }
  const consumed = periodErrorRatio / allowed;
  return { allowed, consumed, remaining: 1 - consumed };
}

/** Below this share of budget left, a budget counts as at risk. */
export const AT_RISK_REMAINING = 0.25;

export function budgetStatus(
  budget: ErrorBudget,
  alert: AlertState,
): BudgetStatus {
  if (!isMeasured(budget.remaining)) return 'missing';
  // 1 - 0.999 is not exactly 0.001 in floating point: a budget spent to the
  // last billionth is spent.
  if (budget.remaining <= 1e-9) return 'exhausted';
  if (budget.remaining < AT_RISK_REMAINING || alert.state !== 'ok')
    return 'at-risk';
  return 'healthy';
}

export interface AlertConditionState extends BurnRateAlertCondition {
  firing: boolean | 'missing';
}

export interface AlertState {
  /**
   * The most severe firing alert. `none`: nothing was evaluated (no window
   * has data, or the SLO could not be queried); `missing`: no alert fires but
   * some window lacks data. `ok` only when every condition was seen quiet.
   */
  state: 'page' | 'ticket' | 'ok' | 'missing' | 'none';
  conditions: AlertConditionState[];
}

/**
 * The multi-window, multi-burn-rate alert state from the burn rates. A
 * condition fires when both its windows exceed the factor; a condition with a
 * missing window cannot be said to be quiet. The conditions' factors depend
 * on the SLO period (`burnRateAlertConditions`); the default is 30 days.
 */
export function alertState(
  rates: BurnRates,
  alertConditions: readonly BurnRateAlertCondition[] = BURN_RATE_ALERT_CONDITIONS,
): AlertState {
  const conditions = alertConditions.map((condition): AlertConditionState => {
    const long = rates[condition.long];
    const short = rates[condition.short];
    if (
      (isMeasured(long) && long <= condition.factor) ||
      (isMeasured(short) && short <= condition.factor)
    ) {
      return { ...condition, firing: false };
    }
    if (!isMeasured(long) || !isMeasured(short)) {
      return { ...condition, firing: 'missing' };
    }
    return { ...condition, firing: true };
  });
  const firing = (severity: 'page' | 'ticket') =>
    conditions.some(c => c.severity === severity && c.firing === true);
  const measured = conditions.some(
    c => isMeasured(rates[c.long]) || isMeasured(rates[c.short]),
  );
  let state: AlertState['state'] = 'ok';
  if (firing('page')) state = 'page';
  else if (firing('ticket')) state = 'ticket';
  else if (!measured) state = 'none';
  else if (conditions.some(c => c.firing === 'missing')) state = 'missing';
  return { state, conditions };
}
