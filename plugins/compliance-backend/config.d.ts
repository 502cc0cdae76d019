export interface Config {
  /** Request limits, enforced by the backend and by this plugin's parsers. */
  gogidix?: {
    http?: {
      /** The largest request body, in bytes, except imports; default 5 MB. */
      maxRequestBytes?: number;
      /** The largest import (a FOCUS export or a Trivy report), in bytes; default 200 MB. */
      maxImportBytes?: number;
    };
  };
  /** Compliance plugin (plugins/compliance-backend). */
  compliance?: {
    /**
     * YAML file with the checks, controls and campaigns (relative to the
     * backend's working directory). Default: the rules shipped with the
     * plugin (plugins/compliance-backend/rules/default.yaml).
     */
    rulesFile?: string;
    /** Minutes between fact collection and evaluation rounds; default 15. */
    roundMinutes?: number;
    /**
     * Seconds from the backend's start to the first round; default 45, for
     * the catalog and the SLO plugin to fill in first.
     */
    firstRoundSeconds?: number;
    /**
     * Folder of Trivy JSON reports named `<component name>.json`, loaded at
     * start through the same parser as CI uploads (the demo's reports).
     */
    trivyReportsDir?: string;
  };
}
