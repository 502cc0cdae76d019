/** One markdown file in an entity's runbooks folder. */
export interface RunbookSummary {
  /** The file name without `.md`: the last segment of the runbook's URL. */
  name: string;
  /** The first `# ` heading, or the name when the file has none. */
  title: string;
}

export interface Runbook extends RunbookSummary {
  markdown: string;
  /** Where the file was read from, for "edit" and for audits. */
  source: string;
}

/**
 * What the backend answers for a source that is not configured: the card
 * tells people exactly which key to set instead of showing nothing.
 */
export interface NotConfigured {
  status: 'not-configured';
  configKey: string;
}

/** An Alertmanager alert that is firing (active, not silenced or inhibited). */
export interface FiringAlert {
  fingerprint: string;
  name: string;
  severity: string;
  /** Value of the configured service label, `''` when the alert has none. */
  service: string;
  summary: string;
  description?: string;
  runbookUrl?: string;
  startsAt: string;
  generatorUrl?: string;
  labels: Record<string, string>;
  /** The catalog entity whose alert selector names this service, if one does. */
  entityRef?: string;
}

export interface FiringAlerts {
  status: 'ok';
  alerts: FiringAlert[];
}

export interface OnCallShift {
  user: string;
  userUrl?: string;
  /** `null` when the user is on call permanently (no schedule). */
  start: string | null;
  end: string | null;
  schedule?: string;
}

export interface PagerDutyIncident {
  id: string;
  number: number;
  title: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  urgency: 'high' | 'low';
  createdAt: string;
  url: string;
  assignees: string[];
}

export interface ServiceOnCall {
  status: 'ok';
  service: { id: string; name: string; url: string };
  escalationPolicy: { id: string; name: string; url?: string };
  now: OnCallShift[];
  next?: OnCallShift;
  incidents: PagerDutyIncident[];
}

/** A Grafana dashboard chosen by `grafana/dashboard-selector`. */
export interface GrafanaDashboard {
  title: string;
  /** Absent when the instance has no UI to open (the demo stand-in). */
  url?: string;
  folderTitle?: string;
  tags: string[];
}

/** One Grafana instance's answer; an instance that fails says why alone. */
export type GrafanaInstanceResult =
  | {
      instance: string;
      status: 'ok';
      dashboards: GrafanaDashboard[];
      alerts: FiringAlert[];
    }
  | { instance: string; status: 'error'; message: string };

export interface GrafanaOverview {
  status: 'ok';
  instances: GrafanaInstanceResult[];
}

/** A secret's name in Vault and where to open it; never its value. */
export interface VaultSecretName {
  /** The key under the path; ends with `/` for a folder of secrets. */
  name: string;
  /** The full path under the mount. */
  path: string;
  /** Absent when Vault has no UI to open (the demo stand-in). */
  url?: string;
}

export interface VaultSecretList {
  status: 'ok';
  mount: string;
  paths: Array<{ path: string; secrets: VaultSecretName[] }>;
}
