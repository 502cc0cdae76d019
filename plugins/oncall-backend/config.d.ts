export interface Config {
  /** On-call sources read by the backend; Kibana and Jaeger links are in @gogidix/plugin-oncall. */
  onCall?: {
    alertmanager?: {
      /** Alertmanager's base URL, e.g. `http://alertmanager.monitoring:9093`. */
      baseUrl: string;
      /** The alert label that names the service; default `service`. */
      serviceLabel?: string;
      /** How long to wait for an answer, in milliseconds; default 5000. */
      timeoutMs?: number;
    };
    pagerDuty?: {
      /** Default `https://api.pagerduty.com`. */
      baseUrl?: string;
      /**
       * A read-only REST API v2 key, sent as `Authorization: Token token=…`.
       * @visibility secret
       */
      token: string;
      /** How long to wait for an answer, in milliseconds; default 5000. */
      timeoutMs?: number;
    };
    grafana?: {
      /**
       * Every Grafana the organisation runs; an entity's dashboards and
       * alerts are looked up in each.
       */
      instances: Array<{
        /** Shown on the card, e.g. `production`. */
        name: string;
        /** Grafana's API base URL. */
        baseUrl: string;
        /** Where people open dashboards, when it differs from baseUrl. */
        publicUrl?: string;
        /**
         * A service account token with the Viewer role.
         * @visibility secret
         */
        token: string;
        /** How long to wait for an answer, in milliseconds; default 5000. */
        timeoutMs?: number;
      }>;
    };
    vault?: {
      /** Vault's API base URL, e.g. `https://vault.gogidix.dev`. */
      baseUrl: string;
      /** Where people open Vault's UI, when it differs from baseUrl. */
      publicUrl?: string;
      /**
       * A token whose policy allows `list` on `<mount>/metadata/*` only:
       * the portal lists secret names and never reads values.
       * @visibility secret
       */
      token: string;
      /** The KV version 2 mount; default `secret`. */
      mount?: string;
      /** How long to wait for an answer, in milliseconds; default 5000. */
      timeoutMs?: number;
    };
  };
}
