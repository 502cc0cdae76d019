/**
 * Every annotation and label key the portal reads or writes, in one place.
 * `docs/annotations.md` documents each one; a test keeps the two in step.
 */

/** The location the catalog read the entity from (the catalog sets it). */
export const MANAGED_BY_LOCATION_ANNOTATION =
  'backstage.io/managed-by-location';
/** The location first registered that led to the entity (the catalog sets it). */
export const MANAGED_BY_ORIGIN_LOCATION_ANNOTATION =
  'backstage.io/managed-by-origin-location';
/** Where the component's source code lives. */
export const SOURCE_LOCATION_ANNOTATION = 'backstage.io/source-location';
/** The workload label value of the component (Backstage's own key). */
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
/** The component's Kubernetes namespace (Backstage's own key). */
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';

/** The community Grafana plugin's dashboard selector (`tags @> 'x'`). */
export const GRAFANA_DASHBOARD_SELECTOR_ANNOTATION =
  'grafana/dashboard-selector';
/** Grafana alert labels, `label=value` comma-separated. */
export const GRAFANA_ALERT_SELECTOR_ANNOTATION = 'grafana/alert-label-selector';
/** Alertmanager matchers, `label=value` comma-separated. */
export const ALERT_SELECTOR_ANNOTATION = 'gogidix.io/alert-selector';
/** The PagerDuty service paged for the entity. */
export const PAGERDUTY_SERVICE_ANNOTATION = 'pagerduty.com/service-id';
/** The component's GitHub repository, `owner/repo` (Backstage's GitHub plugins' key). */
export const GITHUB_PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';
/** The component's GitLab project, `group/project` (the community GitLab plugin's key). */
export const GITLAB_PROJECT_SLUG_ANNOTATION = 'gitlab.com/project-slug';
/** Vault KV paths of the entity's secrets, comma-separated. */
export const VAULT_SECRETS_PATH_ANNOTATION = 'vault.io/secrets-path';
/** The KV mount, when not the configured default. */
export const VAULT_SECRETS_ENGINE_ANNOTATION = 'vault.io/secrets-engine';
/** The component's OpenSLO document, relative to its catalog file. */
export const OPENSLO_ANNOTATION = 'gogidix.io/openslo';
/** Folder of markdown runbooks, relative to the entity's catalog file. */
export const RUNBOOKS_ANNOTATION = 'gogidix.io/runbooks';
/** A Kibana KQL query selecting the entity's logs. */
export const LOGS_QUERY_ANNOTATION = 'gogidix.io/logs-query';
/** The service name the entity reports its traces under in Jaeger. */
export const TRACE_SERVICE_ANNOTATION = 'gogidix.io/trace-service';
/** The kind of GPU capacity the workload runs on (written by the templates). */
export const GPU_PROFILE_ANNOTATION = 'gogidix.io/gpu-profile';
/** The team that a component's cloud spend is charged to. */
export const COST_CENTER_ANNOTATION = 'gogidix.io/cost-center';
/** The software template a component was created from (written by the templates). */
export const TEMPLATE_ANNOTATION = 'gogidix.io/template';
/** A group's manager, as a user entity ref. */
export const LEAD_ANNOTATION = 'gogidix.io/lead';

/**
 * On an OpenSLO document (not a catalog entity): the runbook an SLO's burn
 * alert links to.
 */
export const OPENSLO_RUNBOOK_ANNOTATION = 'gogidix.io/runbook';

/**
 * A component's error-budget policy for deploys, read by the SLO deploy
 * gate, e.g. `min-budget=10%; allow=fix,rollback`.
 */
export const ERROR_BUDGET_POLICY_ANNOTATION = 'gogidix.io/error-budget-policy';

/**
 * On an OpenSLO document (not a catalog entity): one SLO's error-budget
 * policy for deploys, in the same form; it wins over the component's.
 */
export const OPENSLO_DEPLOY_POLICY_ANNOTATION = 'gogidix.io/deploy-policy';

/** Business criticality, `tier-0` … `tier-3`. */
export const TIER_LABEL = 'gogidix.io/tier';

/** Every annotation key above, for checks that must cover them all. */
export const PORTAL_ANNOTATIONS: readonly string[] = [
  MANAGED_BY_LOCATION_ANNOTATION,
  MANAGED_BY_ORIGIN_LOCATION_ANNOTATION,
  SOURCE_LOCATION_ANNOTATION,
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
  GRAFANA_DASHBOARD_SELECTOR_ANNOTATION,
  GRAFANA_ALERT_SELECTOR_ANNOTATION,
  ALERT_SELECTOR_ANNOTATION,
  PAGERDUTY_SERVICE_ANNOTATION,
  GITHUB_PROJECT_SLUG_ANNOTATION,
  GITLAB_PROJECT_SLUG_ANNOTATION,
  VAULT_SECRETS_PATH_ANNOTATION,
  VAULT_SECRETS_ENGINE_ANNOTATION,
  OPENSLO_ANNOTATION,
  RUNBOOKS_ANNOTATION,
  LOGS_QUERY_ANNOTATION,
  TRACE_SERVICE_ANNOTATION,
  GPU_PROFILE_ANNOTATION,
  COST_CENTER_ANNOTATION,
  TEMPLATE_ANNOTATION,
  LEAD_ANNOTATION,
  OPENSLO_RUNBOOK_ANNOTATION,
  ERROR_BUDGET_POLICY_ANNOTATION,
  OPENSLO_DEPLOY_POLICY_ANNOTATION,
];

/** Every label key above. */
export const PORTAL_LABELS: readonly string[] = [TIER_LABEL];
