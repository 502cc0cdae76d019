import { LoggerService } from '@backstage/backend-plugin-api';
import { DELIVERY_CONFIG_KEYS, DeliveryConfig } from '../../config';
import { DeliveryCatalog } from '../deliveryCatalog';
import { SourceState } from '../DeliveryService';
import { AlertmanagerAlertSource } from './AlertmanagerAlertSource';
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
      ),
    );
  }
  return sources;
}

/** Which sources are read, and the key to set for each that is not. */
export function sourceStates(settings: DeliveryConfig): SourceState[] {
  const state = (
    name: SourceState['name'],
    configured: boolean,
    configKey?: string,
  ): SourceState =>
    configured ? { name, configured } : { name, configured, configKey };
  return [
    state('github', !!settings.github, DELIVERY_CONFIG_KEYS.github),
    state('gitlab', !!settings.gitlab, DELIVERY_CONFIG_KEYS.gitlab),
    // Pipelines report through POST /deployments: always open.
    state('pipeline', true),
    state('pagerduty', !!settings.pagerDuty, DELIVERY_CONFIG_KEYS.pagerDuty),
    state(
      'alertmanager',
      !!settings.alertmanager,
      DELIVERY_CONFIG_KEYS.alertmanager,
    ),
  ];
}
