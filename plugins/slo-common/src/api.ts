import { OpenSloProblem, ResolvedSlo } from './openslo/types';
import { SloEvaluation } from './compute/evaluate';

/** One point of an SLO's burn-down: the budget left at an hour of its period. */
export interface BudgetPoint {
  at: string;
  remaining: number | null;
  sli: number | null;
}

export interface SloStatus {
  slo: ResolvedSlo;
  /** Missing when neither the source nor a stored snapshot knows this SLO at that time. */
  evaluation?: SloEvaluation;
  burnDown: BudgetPoint[];
  links: { runbook: string; grafana?: string };
}

/** `GET /entities/:kind/:namespace/:name/status` */
export interface EntitySloStatus {
  entityRef: string;
  /** The moment asked for. */
  at: string;
  /**
   * `live`: computed from the SLI source now; `stored`: the source was
   * unreachable, so these are the last values computed at or before `at`.
   */
  freshness: 'live' | 'stored';
  notice?: string;
  problems: OpenSloProblem[];
  slos: SloStatus[];
}

export interface StatusCounts {
  healthy: number;
  atRisk: number;
  exhausted: number;
  missing: number;
}

/** One day of the org trend: how many SLOs ended the day in each state. */
export interface DailyCountsByStatus extends StatusCounts {
  day: string;
}

export interface OrgSloRow {
  sloId: string;
  displayName: string;
  entityRef: string;
  owner: string;
  system?: string;
  tier?: string;
  target: number;
  window: string;
  sli: number | null;
  budgetRemaining: number | null;
  burnRate1h: number | null;
  alert: string;
  status: string;
  at: string | null;
}

/** `GET /summary` */
export interface OrgSloSummary {
  /** The oldest "latest evaluation" among the rows: how fresh the page is at worst. */
  asOf: string | null;
  notice?: string;
  filters: { owners: string[]; tiers: string[] };
  totals: StatusCounts;
  byTeam: Array<StatusCounts & { name: string }>;
  bySystem: Array<StatusCounts & { name: string }>;
  fastestBurners: OrgSloRow[];
  trend: DailyCountsByStatus[];
  slos: OrgSloRow[];
}
