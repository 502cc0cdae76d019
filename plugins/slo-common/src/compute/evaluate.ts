import { ResolvedSlo } from '../openslo/types';
import {
  AlertState,
  alertState,
  BudgetStatus,
  budgetStatus,
  BurnRates,
  burnRates,
  ErrorBudget,
  errorBudget,
  Measured,
  sliFromErrorRatio,
} from './budget';
import {
  burnRateAlertConditions,
  BurnRateWindow,
  sloPeriodSeconds,
} from './windows';

/** Error ratios measured for one SLO at one moment: the period and each burn-rate window. */
export type WindowErrorRatios = Partial<Record<BurnRateWindow, Measured>> & {
  period: Measured;
};

/** Everything a page shows about one SLO at one moment. */
export interface SloEvaluation {
  sloId: string;
  /** The moment evaluated (ISO 8601): every evaluation names its time. */
  at: string;
  target: number;
  sli: Measured;
  budget: ErrorBudget;
  burnRates: BurnRates;
  alert: AlertState;
  status: BudgetStatus;
}

export function evaluateSlo(
  slo: ResolvedSlo,
  ratios: WindowErrorRatios,
  at: Date,
): SloEvaluation {
  const budget = errorBudget(slo.target, ratios.period);
  const rates = burnRates(ratios, slo.target);
  // The same factors as the generated Prometheus alerts for this period.
  const alert = alertState(
    rates,
    burnRateAlertConditions(sloPeriodSeconds(slo.timeWindow)),
  );
  return {
    sloId: slo.id,
    at: at.toISOString(),
    target: slo.target,
    sli: sliFromErrorRatio(ratios.period),
    budget,
    burnRates: rates,
    alert,
    status: budgetStatus(budget, alert),
  };
}
