import { LoggerService } from '@backstage/backend-plugin-api';
import {
  DELIVERY_CONFIG_KEYS,
  DeliveryConfig,
  SourceSettings,
} from '../../config';
import { SourceEndpoint } from './sourceFetch';

/** GitHub's REST API as its documentation asks to be called. */
export function gitHubEndpoint(
  settings: SourceSettings,
  logger: LoggerService,
): SourceEndpoint {
  return {
    name: `GitHub at ${settings.baseUrl}`,
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs,
    headers: {
      Accept: 'application/vnd.github+json',
      Authorization: `Bearer ${settings.token}`,
      'X-GitHub-Api-Version': '2022-11-28',
    },
    credential: DELIVERY_CONFIG_KEYS.github,
    logger,
  };
}

export function gitLabEndpoint(
  settings: SourceSettings,
  logger: LoggerService,
): SourceEndpoint {
  return {
    name: `GitLab at ${settings.baseUrl}`,
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs,
    headers: { 'PRIVATE-TOKEN': settings.token },
    credential: DELIVERY_CONFIG_KEYS.gitlab,
    logger,
  };
}

export function pagerDutyEndpoint(
  settings: SourceSettings,
  logger: LoggerService,
): SourceEndpoint {
  return {
    name: `PagerDuty at ${settings.baseUrl}`,
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs,
    headers: {
      Accept: 'application/vnd.pagerduty+json;version=2',
      Authorization: `Token token=${settings.token}`,
    },
    credential: DELIVERY_CONFIG_KEYS.pagerDuty,
    logger,
  };
}

export function alertmanagerEndpoint(
  settings: NonNullable<DeliveryConfig['alertmanager']>,
  logger: LoggerService,
): SourceEndpoint {
  return {
    name: `Alertmanager at ${settings.baseUrl}`,
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs,
    headers: {},
    credential: `any proxy in front of ${DELIVERY_CONFIG_KEYS.alertmanager}`,
    logger,
  };
}
