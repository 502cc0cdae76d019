export interface Config {
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
     * Folder of Trivy JSON reports named `<component name>.json`, loaded at
     * start through the same parser as CI uploads (the demo's reports).
     */
    trivyReportsDir?: string;
  };
}
