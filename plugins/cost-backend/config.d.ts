export interface Config {
  /** Request limits, enforced by the backend and by this plugin's parsers. */
  gogidix?: {
    http?: {
      /** The largest import (a FOCUS export or a Trivy report), in bytes; default 200 MB. */
      maxImportBytes?: number;
    };
  };
  /** The cost plugin: FOCUS billing exports and OpenCost allocations. */
  cost?: {
    /**
     * Generate and ingest the demo organisation's FOCUS export and OpenCost
     * allocations at start. For the embedded default only.
     */
    demo?: boolean;
    /**
     * Which resource tags attribute a FOCUS charge to a component and team.
     * Read at import: a change applies to files imported after it.
     */
    attribution?: {
      /**
       * Tag keys per kind, in order of preference. Defaults: service
       * `service`, `component`, `app`; team `team`, `cost-center`; namespace
       * `kubernetes-namespace`, `aws:eks:namespace`; workload
       * `app.kubernetes.io/name`, `aws:eks:workload-name`.
       */
      tagKeys?: {
        service?: string[];
        team?: string[];
        namespace?: string[];
        workload?: string[];
      };
      /**
       * Prefixes a service or team key may carry, tried in order after the
       * plain key: `user` reads `user:team` (AWS user tags), `gogidix` reads
       * `gogidix:team`; `*` stands for any one segment. Default
       * `['user', '*']`.
       */
      prefixes?: string[];
    };
    /** Monthly budget per team name, in the billing currency. */
    budgets?: { [team: string]: number };
    /** Pull allocations from OpenCost's /allocation API on a schedule. */
    opencost?: {
      /** OpenCost's API base URL, e.g. http://opencost.opencost:9003. */
      baseUrl: string;
      /**
       * The pod label holding the workload name, as OpenCost names it
       * (Prometheus-sanitised). Defaults to `app`.
       */
      workloadLabel?: string;
      /** How often to pull, in minutes. Defaults to 60. */
      frequencyMinutes?: number;
    };
  };
}
