import { OpenSloProblem, ResolvedSlo } from './openslo/types';
import { SloEvaluation } from './compute/evaluate';

/** One point of an SLO's burn-down: the budget left at an hour of its period. */
export interface BudgetPoint {
  at: string;
  remaining: number | null;
  sli: number | null;
}

/**
 * Where SLIs come from: a Prometheus (`slo.prometheus.baseUrl`), the demo
 * organisation's generated history (`slo.demo`, the embedded default only),
 * or nothing configured, in which case nothing is evaluated.
 */
export type SliSourceKind = 'prometheus' | 'demo' | 'none';

/** What a page says when no SLI source is configured. */
export const NO_SLI_SOURCE_NOTICE =
  'No SLI source is configured: set slo.prometheus.baseUrl to the Prometheus that answers the OpenSLO queries. Nothing is evaluated until then.';

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
  sliSource: SliSourceKind;
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
  /** The alert state; `none` when the SLO has not been evaluated. */
  alert: string;
  status: string;
  at: string | null;
}

/** `GET /summary` */
export interface OrgSloSummary {
  /** The moment asked for (`at`), or absent for now. */
  at?: string;
  /** The oldest "latest evaluation" among the rows: how fresh the page is at worst. */
  asOf: string | null;
  sliSource: SliSourceKind;
  notice?: string;
  filters: { owners: string[]; tiers: string[] };
  totals: StatusCounts;
  byTeam: Array<StatusCounts & { name: string }>;
  bySystem: Array<StatusCounts & { name: string }>;
  fastestBurners: OrgSloRow[];
  trend: DailyCountsByStatus[];
  slos: OrgSloRow[];
}
