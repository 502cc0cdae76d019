import { LoggerService } from '@backstage/backend-plugin-api';
import { DeliverySourceState } from '@gogidix/plugin-delivery-common';
import { DELIVERY_CONFIG_KEYS, DeliveryConfig } from '../../config';
import { DeliveryCatalog } from '../deliveryCatalog';
import {
  AlertmanagerAlertSource,
  OpenFirings,
} from './AlertmanagerAlertSource';
import { DeliverySource } from './DeliverySource';
import { KnownDeployments } from './deploymentHistory';
import {
  alertmanagerEndpoint,
  gitHubEndpoint,
  gitLabEndpoint,
  pagerDutyEndpoint,
} from './endpoints';
import { GitHubDeploymentSource } from './GitHubDeploymentSource';
import { GitLabDeploymentSource } from './GitLabDeploymentSource';
import { PagerDutyIncidentSource } from './PagerDutyIncidentSource';

export type { DeliverySource, DeliveryEvents } from './DeliverySource';

/** A source for every configured product; `github` may be the demo's. */
export function deliverySources(
  settings: DeliveryConfig,
  catalog: DeliveryCatalog,
  logger: LoggerService,
  known: KnownDeployments,
  openFirings: OpenFirings,
): DeliverySource[] {
  const sources: DeliverySource[] = [];
  if (settings.github) {
    sources.push(
      new GitHubDeploymentSource(
        gitHubEndpoint(settings.github, logger),
        catalog,
        settings.environment,
        known,
      ),
    );
  }
  if (settings.gitlab) {
    sources.push(
      new GitLabDeploymentSource(
        gitLabEndpoint(settings.gitlab, logger),
        catalog,
        settings.environment,
        known,
      ),
    );
  }
  if (settings.pagerDuty) {
    sources.push(
      new PagerDutyIncidentSource(
        pagerDutyEndpoint(settings.pagerDuty, logger),
        catalog,
      ),
    );
  }
  if (settings.alertmanager) {
    sources.push(
      new AlertmanagerAlertSource(
        alertmanagerEndpoint(settings.alertmanager, logger),
        catalog,
        settings.alertmanager.serviceLabel,
        openFirings,
      ),
    );
  }
  return sources;
}

/** Which sources are read, and what to set for each that is not. */
export function sourceStates(
  settings: DeliveryConfig,
  /** Which sources are the demo history's stand-ins (`delivery.demo`). */
  demo: { github?: boolean; pagerDuty?: boolean } = {},
): DeliverySourceState[] {
  const state = (
    kind: DeliverySourceState['kind'],
    configured: boolean,
    detail: { read: string; configKey?: string; unset: string },
  ): DeliverySourceState =>
    configured || !detail.configKey
      ? { kind, configured, detail: detail.read }
      : { kind, configured, detail: detail.unset, configKey: detail.configKey };
  return [
    state('github', !!settings.github, {
      read: demo.github
        ? 'the demo history (delivery.demo), read through the GitHub client, of components annotated github.com/project-slug'
        : `deployments of the repositories annotated github.com/project-slug, from ${settings.github?.baseUrl}`,
      configKey: DELIVERY_CONFIG_KEYS.github,
      unset: `set ${DELIVERY_CONFIG_KEYS.github}, and annotate components with github.com/project-slug`,
    }),
    state('gitlab', !!settings.gitlab, {
      read: `deployments of the projects annotated gitlab.com/project-slug, from ${settings.gitlab?.baseUrl}`,
      configKey: DELIVERY_CONFIG_KEYS.gitlab,
      unset: `set ${DELIVERY_CONFIG_KEYS.gitlab}, and annotate components with gitlab.com/project-slug`,
    }),
    // Pipelines report through POST /deployments: always open.
    state('pipeline', true, {
      read: 'deploys the CI pipelines post to /api/delivery/deployments',
      unset: '',
    }),
    state('pagerduty', !!settings.pagerDuty, {
      read: demo.pagerDuty
        ? 'the demo incident history (delivery.demo), read through the PagerDuty client, of components annotated pagerduty.com/service-id'
        : 'incidents of the services annotated pagerduty.com/service-id',
      configKey: DELIVERY_CONFIG_KEYS.pagerDuty,
      unset: `set ${DELIVERY_CONFIG_KEYS.pagerDuty}, and annotate components with pagerduty.com/service-id`,
    }),
    state('alertmanager', !!settings.alertmanager, {
      read: `burn-rate alerts labelled ${
        settings.alertmanager?.serviceLabel ?? 'service'
      }=<component name>`,
      configKey: DELIVERY_CONFIG_KEYS.alertmanager,
      unset: `set ${DELIVERY_CONFIG_KEYS.alertmanager} to read burn-rate alerts (time to detect)`,
    }),
  ];
}
