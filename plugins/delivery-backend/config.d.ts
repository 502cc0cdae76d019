export interface Config {
  /**
   * The delivery plugin: deployments from GitHub and GitLab, incidents from
   * PagerDuty and firings from Alertmanager, read on a schedule. PagerDuty
   * and Alertmanager are the on-call plugin's (`onCall.pagerDuty`,
   * `onCall.alertmanager`): their credentials are configured once.
   */
  delivery?: {
    /**
     * The embedded default's demo history: a GitHub stand-in on loopback
     * serves deterministic deployments of the demo services (where
     * delivery.github is not set) and a PagerDuty stand-in the incidents
     * that follow them (where onCall.pagerDuty is not set), read through
     * the same clients. The backend refuses to start with it under
     * NODE_ENV=production.
     */
    demo?: boolean;
    /** How many days back each read reaches; default 90, at most 180 (PagerDuty's limit). */
    lookbackDays?: number;
    /** How often the sources are read, in minutes; default 15. */
    frequencyMinutes?: number;
    /** The environment whose deployments count; default `production`. */
    environment?: string;
    /**
     * The platform's success-metric targets on the org page. Without a
     * baseline, the reductions (lead time, incidents, cost) say no baseline
     * is recorded; without an SLO named, a shared-infrastructure target says
     * which key to set.
     */
    targets?: {
      /** The period before the platform (dates, end exclusive) reductions compare against. */
      baseline?: {
        start: string;
        end: string;
      };
      /** The SLO each shared-infrastructure target reads from the SLO plugin. */
      slos?: {
        apiGateway?: SharedSlo;
        serviceMesh?: SharedSlo;
        monitoring?: SharedSlo;
        ciCd?: SharedSlo;
        backups?: SharedSlo;
      };
    };
    github?: {
      /** GitHub's REST API base URL; default `https://api.github.com`. */
      baseUrl?: string;
      /**
       * A token that may read deployments and contents of the repositories
       * named by `github.com/project-slug`.
       * @visibility secret
       */
      token: string;
      /** How long to wait for an answer, in milliseconds; default 10000. */
      timeoutMs?: number;
    };
    gitlab?: {
      /** GitLab's REST API base URL; default `https://gitlab.com/api/v4`. */
      baseUrl?: string;
      /**
       * A token with `read_api` on the projects named by `gitlab.com/project-slug`.
       * @visibility secret
       */
      token: string;
      /** How long to wait for an answer, in milliseconds; default 10000. */
      timeoutMs?: number;
    };
  };
}

/** The SLO a shared-infrastructure target reads from the SLO plugin. */
interface SharedSlo {
  /** The component, e.g. `component:default/api-gateway`. */
  entityRef: string;
  /** The SLO's name in its OpenSLO document, e.g. `availability`. */
  slo: string;
}
