import { oncallRespondersReadPermission } from '@gogidix/plugin-oncall-common';
import { EntityAccess } from '../entityAccess';
import { PagerDutyClient } from '../PagerDutyClient';
import { serviceOnCall } from '../serviceOnCall';
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
    res.json(await serviceOnCall(access, pagerDuty, entity));
  });
}
