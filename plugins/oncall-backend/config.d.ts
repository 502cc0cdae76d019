export interface Config {
  gogidix?: {
    /**
     * Who holds a value that two owners' entities claim through an
     * annotation (`pagerduty.com/service-id`, `backstage.io/kubernetes-id`,
     * `backstage.io/kubernetes-namespace`). Until a row names the holder, a
     * contested value counts for neither; the on-call and cost backends
     * both read this list.
     */
    claims?: Array<{
      /** The annotation, e.g. `backstage.io/kubernetes-namespace`. */
      annotation: string;
      /** The claimed value, e.g. `payments`. */
      value: string;
      /** The owner who holds it, a full ref: `group:default/payments`. */
      owner: string;
    }>;
  };
  /** On-call sources read by the backend; Kibana and Jaeger links are in @gogidix/plugin-oncall. */
  onCall?: {
    /**
     * The embedded default's on-call sources: PagerDuty, Grafana and Vault
     * stand-ins on loopback serve the demo organisation (schedules from its
     * teams, incidents from its firing alerts, dashboards, secret names)
     * wherever those sources are not configured. The backend refuses to
     * start with it under NODE_ENV=production.
     */
    demo?: boolean;
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
      /**
       * The KV version 2 mount; default `secret`. It is the only mount the
       * portal lists: `vault.io/secrets-engine` may not name another.
       */
      mount?: string;
      /**
       * Where each team's secrets sit in the mount; `{team}` is the name of
       * the entity's owner. An entity's `vault.io/secrets-path` must be
       * under it. Default `{team}/`.
       */
      teamPathPrefix?: string;
      /** How long to wait for an answer, in milliseconds; default 5000. */
      timeoutMs?: number;
    };
  };
}
