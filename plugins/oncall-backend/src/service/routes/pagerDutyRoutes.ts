import {
  oncallRespondersReadPermission,
  ServiceOnCall,
} from '@gogidix/plugin-oncall-common';
import { PAGERDUTY_SERVICE_ANNOTATION } from '@gogidix/portal-common';
import { CONFIG_KEYS } from '../../config';
import { annotationKey, EntityAccess, notConfigured } from '../entityAccess';
import { PagerDutyClient } from '../PagerDutyClient';
import { OnCallRouter } from './types';

/** Who is on call for an entity's PagerDuty service, and its incidents. */
export function addPagerDutyRoutes(
  router: OnCallRouter,
  { access, pagerDuty }: { access: EntityAccess; pagerDuty?: PagerDutyClient },
) {
  router.get('/entities/:kind/:namespace/:name/pagerduty', async (req, res) => {
    const entity = await access.entityFor(
      req,
      req.params,
      oncallRespondersReadPermission,
    );
    const serviceId =
      entity.metadata.annotations?.[PAGERDUTY_SERVICE_ANNOTATION];
    if (!serviceId) {
      res.json(notConfigured(annotationKey(PAGERDUTY_SERVICE_ANNOTATION)));
      return;
    }
    await access.checkClaim(entity, PAGERDUTY_SERVICE_ANNOTATION, serviceId);
    if (!pagerDuty) {
      res.json(notConfigured(CONFIG_KEYS.pagerDuty));
      return;
    }
    const body: ServiceOnCall = await pagerDuty.serviceOnCall(serviceId);
    res.json(body);
  });
}
