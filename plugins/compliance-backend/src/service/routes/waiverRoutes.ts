import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { complianceWaiverCreatePermission } from '@gogidix/plugin-compliance-common';
import { actorRef, authorizeOrThrow } from '@gogidix/portal-node';
import { randomUUID } from 'node:crypto';
import { ComplianceStore } from '../../database/ComplianceStore';
import { RuleSet } from '../../rules/ruleSet';
import { withActive } from '../resultsWithWaivers';
import { ComplianceRouter } from './types';

const MAX_WAIVER_DAYS = 365;
const DAY = 86400_000;

/** Waiving one check of an entity, with reason, approver and expiry. */
export function addWaiverRoutes(
  router: ComplianceRouter,
  options: {
    httpAuth: HttpAuthService;
    auditor: AuditorService;
    catalog: CatalogService;
    store: ComplianceStore;
    ruleSet: RuleSet;
    now: () => Date;
    permissions: PermissionsService;
  },
) {
  const { httpAuth, auditor, catalog, store, ruleSet, now, permissions } =
    options;

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
      await authorizeOrThrow(
        permissions,
        credentials,
        {
          permission: complianceWaiverCreatePermission,
          resourceRef: entityRef,
        },
        `You may not waive checks of ${entityRef}`,
      );
      const { checkId, reason, approver, expiresAt } = req.body;
      if (!ruleSet.checks.some(c => c.id === checkId)) {
        throw new InputError(
          `checkId: no check "${checkId}" (checks: ${ruleSet.checks
            .map(c => c.id)
            .join(', ')})`,
        );
      }
      const expires = Date.parse(expiresAt);
      const at = now();
      if (expires <= at.getTime()) {
        throw new InputError('expiresAt must be in the future');
      }
      if (expires > at.getTime() + MAX_WAIVER_DAYS * DAY) {
        throw new InputError(
          `expiresAt may be at most ${MAX_WAIVER_DAYS} days away: waivers are reviewed at least yearly`,
        );
      }
      const [evaluated] = await store.latestResults({ entityRef });
      if (!evaluated) {
        throw new NotFoundError(`${entityRef} has not been evaluated`);
      }
      // An approver is someone the auditor can find: a User in the catalog.
      const approverEntity = await catalog.getEntityByRef(approver, {
        credentials,
      });
      if (approverEntity?.kind.toLocaleLowerCase('en-US') !== 'user') {
        throw new InputError(
          `approver: no user ${approver} in the catalog; name the person who approved the waiver`,
        );
      }
      const waiver = {
        id: randomUUID(),
        entityRef,
        checkId,
        reason: reason.trim(),
        approver,
        createdBy: actorRef(credentials),
        createdAt: at.toISOString(),
        expiresAt: new Date(expires).toISOString(),
      };
      await store.createWaiver(waiver);
      await event.success({ meta: { waiverId: waiver.id, approver } });
      res.status(201).json({ ...withActive(waiver, at) });
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });
}
