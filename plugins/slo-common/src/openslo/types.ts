/**
 * What the portal keeps of an OpenSLO v1 document once it is read: the parser
 * (`parseOpenSloDocuments`) checks the YAML as written and resolves SLIs,
 * windows and objectives into these shapes.
 */

/** How the SLO's compliance period is laid out in time. */
export type SloTimeWindow =
  | { kind: 'rolling'; duration: string; seconds: number }
  | { kind: 'calendar-month'; duration: '1M'; timeZone: 'UTC' };

/**
 * Prometheus queries that give the SLI. Ratio queries carry the Sloth
 * placeholder `{{.window}}` where the range goes (`[{{.window}}]`).
 */
export type SloIndicator =
  | {
      kind: 'ratio';
      /** Exactly one of `good` and `bad` is set. */
      good?: string;
      bad?: string;
      total: string;
    }
  | {
      kind: 'threshold';
      query: string;
      op: 'lt' | 'lte' | 'gt' | 'gte';
      value: number;
    };

export type BudgetingMethod = 'Occurrences' | 'Timeslices';

/**
 * One objective of one OpenSLO SLO, with its SLI inlined and every
 * default applied: what the computation, the rules and the pages use.
 */
export interface ResolvedSlo {
  /** `<service>-<name>`: the `sloth_id` label and the stable key in storage. */
  id: string;
  /** SLO name; `<slo>-<objective>` when an SLO has several objectives. */
  name: string;
  displayName: string;
  description?: string;
  service: string;
  /** Where the document came from (a URL or file path), for messages. */
  source: string;
  indicatorName: string;
  indicator: SloIndicator;
  /** Fraction of good events (or good timeslices), e.g. 0.999. */
  target: number;
  timeWindow: SloTimeWindow;
  budgetingMethod: BudgetingMethod;
  /** For Timeslices: the slice length (e.g. `1m`) and the per-slice goal. */
  timeslice?: { window: string; target?: number };
  /** Name of the runbook file (without `.md`) the burn alerts link to. */
  runbook: string;
  alertPolicies: string[];
  labels: Record<string, string>;
}

export interface OpenSloProblem {
  source: string;
  /** Field path inside the document, e.g. `spec.objectives[0].target`. */
  path: string;
  message: string;
}

export interface ParsedOpenSlo {
  slos: ResolvedSlo[];
  problems: OpenSloProblem[];
}
