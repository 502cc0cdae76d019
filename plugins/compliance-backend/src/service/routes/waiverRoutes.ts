import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { WaiverRequests } from '../WaiverRequests';
import { ComplianceRouter } from './types';

/** Waiving one check of an entity, with reason, approver and expiry. */
export function addWaiverRoutes(
  router: ComplianceRouter,
  options: {
    httpAuth: HttpAuthService;
    auditor: AuditorService;
    waivers: WaiverRequests;
  },
) {
  const { httpAuth, auditor, waivers } = options;

  router.post('/entities/:kind/:namespace/:name/waivers', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const entityRef = stringifyEntityRef(req.params);
    const event = await auditor.createEvent({
      eventId: 'waiver-create',
      severityLevel: 'medium',
      request: req,
      meta: { entityRef, checkId: String(req.body?.checkId ?? '') },
    });
    try {
      const waiver = await waivers.create(credentials, {
        ...req.body,
        entityRef,
      });
      await event.success({
        meta: { waiverId: waiver.id, approver: waiver.approver },
      });
      res.status(201).json({ ...waiver });
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });
}
