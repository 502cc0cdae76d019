import { Entity } from '@backstage/catalog-model';
import { NotConfigured, ServiceOnCall } from '@gogidix/plugin-oncall-common';
import { PAGERDUTY_SERVICE_ANNOTATION } from '@gogidix/portal-common';
import { CONFIG_KEYS } from '../config';
import { annotationKey, EntityAccess, notConfigured } from './entityAccess';
import { PagerDutyClient } from './PagerDutyClient';

/**
 * Who is on call for an entity (already authorized) through its PagerDuty
 * service, once its owner holds the service id it names.
 */
export async function serviceOnCall(
  access: EntityAccess,
  pagerDuty: PagerDutyClient | undefined,
  entity: Entity,
): Promise<ServiceOnCall | NotConfigured> {
  const serviceId = entity.metadata.annotations?.[PAGERDUTY_SERVICE_ANNOTATION];
  if (!serviceId) {
    return notConfigured(annotationKey(PAGERDUTY_SERVICE_ANNOTATION));
  }
  await access.checkClaim(entity, PAGERDUTY_SERVICE_ANNOTATION, serviceId);
  if (!pagerDuty) {
    return notConfigured(CONFIG_KEYS.pagerDuty);
  }
  return pagerDuty.serviceOnCall(serviceId);
}
