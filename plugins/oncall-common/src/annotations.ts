/** Folder of markdown runbooks, relative to the entity's catalog file. */
export const RUNBOOKS_ANNOTATION = 'gogidix.io/runbooks';
/** Alertmanager matchers, `label=value` comma-separated. */
export const ALERT_SELECTOR_ANNOTATION = 'gogidix.io/alert-selector';
/** The PagerDuty service paged for the entity. */
export const PAGERDUTY_SERVICE_ANNOTATION = 'pagerduty.com/service-id';
/** A Kibana KQL query selecting the entity's logs. */
export const LOGS_QUERY_ANNOTATION = 'gogidix.io/logs-query';
/** The service name the entity reports its traces under in Jaeger. */
export const TRACE_SERVICE_ANNOTATION = 'gogidix.io/trace-service';
/** The community Grafana plugin's dashboard selector (`tags @> 'x'`). */
export const GRAFANA_DASHBOARD_SELECTOR_ANNOTATION =
  'grafana/dashboard-selector';
/** Grafana alert labels, `label=value` comma-separated. */
export const GRAFANA_ALERT_SELECTOR_ANNOTATION = 'grafana/alert-label-selector';
/** Vault KV paths of the entity's secrets, comma-separated. */
export const VAULT_SECRETS_PATH_ANNOTATION = 'vault.io/secrets-path';
/** The KV mount, when not the configured default. */
export const VAULT_SECRETS_ENGINE_ANNOTATION = 'vault.io/secrets-engine';
