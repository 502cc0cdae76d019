export interface Config {
  /** Request limits, enforced by the backend and by this plugin's parsers. */
  gogidix?: {
    http?: {
      /** The largest request body, in bytes, except imports; default 5 MB. */
      maxRequestBytes?: number;
    };
  };
  /** SLO plugin (plugins/slo-backend). */
  slo?: {
    /**
     * Prometheus that answers the OpenSLO queries. Without it (and without
     * `demo`) nothing is evaluated and the pages say that no SLI source is
     * configured.
     */
    prometheus?: {
      /** e.g. http://prometheus.monitoring:9090 */
      baseUrl: string;
      /** Per query; default 10. */
      timeoutSeconds?: number;
    };
    /** Grafana with Sloth's SLO dashboard, for links from the SLO tab. */
    grafana?: {
      baseUrl: string;
      /** Default `slo-detail` (Sloth's dashboard). */
      dashboardUid?: string;
    };
    /**
     * Compute the demo organisation's SLOs from a generated SLI history
     * (the embedded default only). Ignored when `prometheus` is set;
     * `app-config.production.yaml` sets it to false. Default false.
     */
    demo?: boolean;
    /** How often SLOs are evaluated and snapshotted; default 5. */
    snapshotMinutes?: number;
    /** Hourly snapshots back-filled on first start; default 30. */
    historyDays?: number;
    /** The deploy gate that generated pipelines ask before promoting a canary. */
    deployGate?: {
      /**
       * The error-budget policy of services without a
       * `gogidix.io/error-budget-policy` annotation, e.g.
       * `min-budget=10%; allow=fix,rollback`. Default
       * `min-budget=0%; allow=fix,rollback`: features stop once a budget
       * is spent.
       */
      defaultPolicy?: string;
    };
  };
}
