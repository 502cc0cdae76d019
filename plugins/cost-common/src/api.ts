/** Request and response bodies of the cost backend (see its openapi.yaml). */
import { CostAnomaly, UncheckedDays } from './anomalies';
import { FocusVersion } from './focusColumns';
import { SavingsRecommendation } from './savings';
import {
  CostMover,
  DailyCost,
  MonthEndForecast,
  PeriodChange,
  PeriodComparison,
} from './series';

export interface ImportedPeriod {
  billingAccountId: string;
  billingPeriodStart: string;
  rows: number;
  cost: number;
}

export interface ImportResult {
  rows: number;
  /** The FOCUS version the file was read as (declared, or from its columns). */
  focusVersion: FocusVersion;
  periods: ImportedPeriod[];
}

export interface EntityCost {
  entityRef: string;
  currency: string;
  days: number;
  from: string;
  to: string;
  /** Daily cost split by FOCUS service category. */
  daily: DailyCost[];
  categories: string[];
  /** Against the period before; its changes are null unless `comparison.comparable`. */
  change: PeriodChange;
  comparison: PeriodComparison;
  forecast: MonthEndForecast;
  /**
   * The component's annotations that do not count, and why (a workload id
   * or namespace another owner claims too): its cost there is unallocated.
   */
  conflicts: string[];
}

export interface TeamBudget {
  monthly: number;
  monthToDate: number;
  forecast: number;
}

/**
 * Teams are full group refs (`group:default/payments`) throughout, or
 * {@link UNALLOCATED}: a name alone would join teams of one name in two
 * namespaces.
 */
export interface TeamCost extends PeriodChange {
  /** The team's group ref, or `unallocated`. */
  team: string;
  budget: TeamBudget | null;
}

export interface SystemCost extends PeriodChange {
  system: string;
}

/** Which service a figure is about. */
export interface CostSeriesOwner {
  /** Component ref, or null for team-level or unallocated cost. */
  entityRef: string | null;
  name: string;
  /** The team's group ref, or `unallocated`. */
  team: string;
}

export interface ServiceMover extends Omit<CostMover, 'key'>, CostSeriesOwner {}

/** A day of one service that stands out (see docs/cost-anomalies.md). */
export interface ServiceAnomaly extends CostAnomaly, CostSeriesOwner {}

/** Days of one service that cost something but could not be judged. */
export interface UncheckedService extends UncheckedDays, CostSeriesOwner {}

/** Unallocated cost of the window sharing one reason. */
export interface UnallocatedReason {
  reason: string;
  cost: number;
}

export interface CostOverview {
  currency: string;
  days: number;
  from: string;
  to: string;
  /** When set, everything below is limited to this team (its group ref). */
  team: string | null;
  /** Changes (here and in teams, systems) are null unless `comparison.comparable`. */
  total: PeriodChange;
  comparison: PeriodComparison;
  unallocated: number;
  /**
   * Why the unallocated cost matched no rule, largest first: the tag that
   * would have claimed it and what it named.
   */
  unallocatedReasons: UnallocatedReason[];
  /** Daily cost split by team. */
  daily: DailyCost[];
  teams: TeamCost[];
  systems: SystemCost[];
  /** Empty unless `comparison.comparable`. */
  movers: ServiceMover[];
  /** Days shown that stand out, newest first. */
  anomalies: ServiceAnomaly[];
  /** Services with days shown that could not be judged, and why. */
  unchecked: UncheckedService[];
  forecast: MonthEndForecast;
}

export interface CostSavings {
  currency: string;
  totalMonthlySaving: number;
  recommendations: SavingsRecommendation[];
}
