import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  complianceWaiverCreatePermission,
  Waiver,
} from '@gogidix/plugin-compliance-common';
import { actorRef, authorizeOrThrow } from '@gogidix/portal-node';
import { randomUUID } from 'node:crypto';
import { ComplianceStore } from '../database/ComplianceStore';
import { RuleSet } from '../rules/ruleSet';
import { withActive } from './resultsWithWaivers';

const MAX_WAIVER_DAYS = 365;
const DAY = 86400_000;

/** What someone asks for when waiving one check of an entity. */
export interface WaiverRequest {
  entityRef: string;
  checkId: string;
  reason: string;
  /** The user ref of the person who approved the exception. */
  approver: string;
  expiresAt: string;
}

/**
 * Waiving one check of an entity, with reason, approver and expiry: the
 * same checks for the waivers route and the request-waiver action.
 */
export class WaiverRequests {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      permissions: PermissionsService;
      store: ComplianceStore;
      ruleSet: RuleSet;
      now: () => Date;
    },
  ) {}

  /** The waiver the request would create, or the reason it would not. */
  async check(
    credentials: BackstageCredentials,
    request: WaiverRequest,
  ): Promise<Waiver> {
    const { catalog, permissions, store, ruleSet, now } = this.deps;
    const { entityRef, checkId, reason, approver, expiresAt } = request;
    await authorizeOrThrow(
      permissions,
      credentials,
      {
        permission: complianceWaiverCreatePermission,
        resourceRef: entityRef,
      },
      `You may not waive checks of ${entityRef}`,
    );
    if (!ruleSet.checks.some(c => c.id === checkId)) {
      throw new InputError(
        `checkId: no check "${checkId}" (checks: ${ruleSet.checks
          .map(c => c.id)
          .join(', ')})`,
      );
    }
    const expires = Date.parse(expiresAt);
    const at = now();
    if (Number.isNaN(expires)) {
      throw new InputError(
        `expiresAt: "${expiresAt}" is not a date-time; give one as 2027-03-31T00:00:00Z`,
      );
    }
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
    return withActive(
      {
        id: randomUUID(),
        entityRef,
        checkId,
        reason: reason.trim(),
        approver,
        createdBy: actorRef(credentials),
        createdAt: at.toISOString(),
        expiresAt: new Date(expires).toISOString(),
      },
      at,
    );
  }

  /** Checks the request as `check` does, then stores the waiver. */
  async create(
    credentials: BackstageCredentials,
    request: WaiverRequest,
  ): Promise<Waiver> {
    const { active, ...waiver } = await this.check(credentials, request);
    await this.deps.store.createWaiver(waiver);
    return { ...waiver, active };
  }
}
