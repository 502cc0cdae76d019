/**
 * The OpenSLO v1 kinds this portal reads, as they appear in YAML
 * (https://github.com/OpenSLO/OpenSLO, `openslo/v1`). Only the fields we use
 * are typed; unknown fields are kept by the parser and ignored.
 */
export interface OpenSloMetadata {
  name: string;
  displayName?: string;
  labels?: Record<string, string | string[]>;
  annotations?: Record<string, string>;
}

export interface OpenSloMetricSource {
  metricSourceRef?: string;
  type?: string;
  spec: { query?: string; [key: string]: unknown };
}

export interface OpenSloRatioMetric {
  counter: boolean;
  good?: { metricSource: OpenSloMetricSource };
  bad?: { metricSource: OpenSloMetricSource };
  total: { metricSource: OpenSloMetricSource };
}

export interface OpenSloSliSpec {
  description?: string;
  thresholdMetric?: { metricSource: OpenSloMetricSource };
  ratioMetric?: OpenSloRatioMetric;
}

export interface OpenSloSli {
  apiVersion: 'openslo/v1';
  kind: 'SLI';
  metadata: OpenSloMetadata;
  spec: OpenSloSliSpec;
}

export interface OpenSloObjective {
  displayName?: string;
  op?: 'lt' | 'lte' | 'gt' | 'gte';
  value?: number;
  target?: number;
  targetPercent?: number;
  timeSliceTarget?: number;
  timeSliceWindow?: string;
}

export interface OpenSloTimeWindow {
  duration: string;
  isRolling?: boolean;
  calendar?: { startTime: string; timeZone: string };
}

export interface OpenSloSloSpec {
  description?: string;
  service: string;
  indicatorRef?: string;
  indicator?: { metadata: OpenSloMetadata; spec: OpenSloSliSpec };
  timeWindow: OpenSloTimeWindow[];
  budgetingMethod: 'Occurrences' | 'Timeslices' | 'RatioTimeslices';
  objectives: OpenSloObjective[];
  alertPolicies?: Array<string | { kind?: string; metadata?: OpenSloMetadata }>;
}

export interface OpenSloSlo {
  apiVersion: 'openslo/v1';
  kind: 'SLO';
  metadata: OpenSloMetadata;
  spec: OpenSloSloSpec;
}

export interface OpenSloAlertPolicy {
  apiVersion: 'openslo/v1';
  kind: 'AlertPolicy';
  metadata: OpenSloMetadata;
  spec: {
    description?: string;
    alertWhenNoData?: boolean;
    alertWhenResolved?: boolean;
    alertWhenBreaching?: boolean;
    conditions?: unknown[];
    notificationTargets?: unknown[];
  };
}

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
