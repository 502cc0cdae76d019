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
     * Prometheus that answers the OpenSLO queries. Without it the portal
     * computes SLOs from the embedded demo observations.
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
    /** How often SLOs are evaluated and snapshotted; default 5. */
    snapshotMinutes?: number;
    /** Hourly snapshots back-filled on first start; default 30. */
    historyDays?: number;
  };
}
