/**
 * What the portal keeps of an OpenSLO v1 document once it is read: the parser
 * (`parseOpenSloDocuments`) checks the YAML as written and resolves SLIs,
 * windows and objectives into these shapes.
 */

/** How the SLO's compliance period is laid out in time. */
export type SloTimeWindow =
  | { kind: 'rolling'; duration: string; seconds: number }
  | {
      kind: 'calendar';
      /** As written: `1M`, `1Q`, `1Y`, `1w`, `7d`. */
      duration: string;
      /** IANA time zone the periods are aligned in (`UTC` when not given). */
      timeZone: string;
      /**
       * Wall-clock start of one period in `timeZone` (`YYYY-MM-DD HH:mm:ss`);
       * periods repeat from it. When absent, periods start at the start of a
       * day, Monday, month, quarter or year.
       */
      startTime?: string;
      /**
       * Nominal length used where a fixed period is needed (Prometheus rules,
       * burn-rate factors): 1M = 30d, 1Q = 90d, 1Y = 365d.
       */
      seconds: number;
    };

/**
 * How an indicator's Prometheus queries are written:
 * - `window-template`: Sloth's dialect, the query holds `{{.window}}` where
 *   the range goes and the portal substitutes each window;
 * - `counter`: `counter: true` with plain series selectors; the portal applies
 *   `increase()` over each window;
 * - `gauge`: `counter: false` (or a raw ratio or threshold metric without a
 *   placeholder): instant values that the portal averages over each window.
 * Absent means `window-template` (documents read before this field existed).
 */
export type SloQueryForm = 'window-template' | 'counter' | 'gauge';

/** Prometheus queries that give the SLI. */
export type SloIndicator =
  | {
      kind: 'ratio';
      /** Exactly one of `good` and `bad` is set. */
      good?: string;
      bad?: string;
      total: string;
      form?: SloQueryForm;
    }
  | {
      /** `ratioMetric.raw`: a ratio computed elsewhere. */
      kind: 'raw';
      query: string;
      /** `success`: the query gives good/total; `failure`: bad/total. */
      rawType: 'success' | 'failure';
      form?: SloQueryForm;
    }
  | {
      kind: 'threshold';
      query: string;
      op: 'lt' | 'lte' | 'gt' | 'gte';
      value: number;
      form?: SloQueryForm;
    };

export type BudgetingMethod = 'Occurrences' | 'Timeslices' | 'RatioTimeslices';

/** What the portal keeps of an AlertPolicy (inline or by `alertPolicyRef`). */
export interface SloAlertPolicy {
  name: string;
  conditions: Array<{
    name?: string;
    severity?: string;
    kind?: string;
    threshold?: number;
    lookbackWindow?: string;
    alertAfter?: string;
  }>;
}

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
  /** Fraction of good events (or good timeslices), e.g. 0.999; 0 is allowed. */
  target: number;
  timeWindow: SloTimeWindow;
  budgetingMethod: BudgetingMethod;
  /**
   * For Timeslices and RatioTimeslices: the slice length in Prometheus
   * syntax (e.g. `1m`) and, for Timeslices, the per-slice goal.
   */
  timeslice?: { window: string; target?: number };
  /** Name of the runbook file (without `.md`) the burn alerts link to. */
  runbook: string;
  /** Names of the SLO's alert policies (inline or referenced). */
  alertPolicies: string[];
  /** The alert policies with their conditions, where the document has them. */
  alertPolicyDetails?: SloAlertPolicy[];
  labels: Record<string, string>;
  /**
   * The SLO's error-budget policy for deploys, as written in its
   * `gogidix.io/deploy-policy` annotation (read by the deploy gate).
   */
  deployPolicy?: string;
}

/**
 * An SLO that is valid OpenSLO but reads a data source the portal cannot
 * query (anything but Prometheus): reported on its own, the file's other SLOs
 * are unaffected.
 */
export interface UnqueryableSlo {
  id: string;
  name: string;
  displayName: string;
  service: string;
  source: string;
  /** The data source type as written (`Datadog`, `CloudWatch`...). */
  dataSourceType: string;
  /** Field path of the metric source that names it. */
  path: string;
  reason: string;
}

export interface OpenSloProblem {
  source: string;
  /** Field path inside the document, e.g. `spec.objectives[0].target`. */
  path: string;
  message: string;
  /**
   * The `spec.service` of the SLO the problem is in, when it names one: in
   * a document several components share, it is that component's problem.
   */
  service?: string;
}

export interface ParsedOpenSlo {
  slos: ResolvedSlo[];
  problems: OpenSloProblem[];
  /**
   * SLOs on data sources other than Prometheus; each is also in `problems`.
   * The parser always sets it (optional so that empty results can omit it).
   */
  unqueryable?: UnqueryableSlo[];
}
