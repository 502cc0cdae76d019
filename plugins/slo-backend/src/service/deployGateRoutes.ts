import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DeployChange,
  DeployChangeKind,
  sloDeployGateEvaluatePermission,
  sloDeployGateOverridePermission,
} from '@gogidix/plugin-slo-common';
import { actorRef, authorizeOrThrow } from '@gogidix/portal-node';
import { spec } from '../schema/openapi.generated';
import { DeployGate } from './DeployGate';

/** The longest override: a day, so that nobody forgets one is in force. */
export const MAX_OVERRIDE_MINUTES = 24 * 60;

/** `entityRef` from a query or body, as a compound ref, or an InputError naming it. */
function entityRefOf(value: unknown) {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(
      'entityRef is required, e.g. component:default/listings-service',
    );
  }
  try {
    return parseEntityRef(value.trim(), {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(`entityRef: ${(error as Error).message}`);
  }
}

/** Unknown fields are refused by name: a typo must not pass unnoticed. */
function onlyFields(value: object, fields: string[], where: string) {
  const unknown = Object.keys(value).filter(key => !fields.includes(key));
  if (unknown.length > 0) {
    throw new InputError(
      `${where}${unknown.join(', ')}: unknown field (fields: ${fields.join(
        ', ',
      )})`,
    );
  }
}

/**
 * The deploy gate's routes. Pipelines ask with a CI token (a service
 * principal: its `accessRestrictions` may allow `slo.deployGate.evaluate`
 * alone); overrides need a signed-in user with the override permission.
 */
export function addDeployGateRoutes(
  router: ApiRouter<typeof spec>,
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    auditor: AuditorService;
    gate: DeployGate;
    now: () => Date;
  },
) {
  const { httpAuth, permissions, auditor, gate, now } = options;

  async function mayEvaluate(
    req: Parameters<HttpAuthService['credentials']>[0],
    ref: string,
  ) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorizeOrThrow(
      permissions,
      credentials,
      { permission: sloDeployGateEvaluatePermission, resourceRef: ref },
      `Not allowed to ask the deploy gate about ${ref}`,
    );
    return credentials;
  }

  router.get('/deploy-gate', async (req, res) => {
    const ref = entityRefOf(req.query.entityRef);
    await mayEvaluate(req, stringifyEntityRef(ref));
    const kind = (req.query.kind ?? 'feature') as DeployChangeKind;
    res.json({ ...(await gate.decide(ref, { kind }, now())) });
  });

  router.post('/deploy-gate', async (req, res) => {
    onlyFields(req.body, ['entityRef', 'change'], '');
    onlyFields(req.body.change, ['kind', 'sha', 'description'], 'change.');
    const ref = entityRefOf(req.body.entityRef);
    const entityRef = stringifyEntityRef(ref);
    const { kind, sha, description } = req.body.change;
    const change: DeployChange = {
      kind,
      ...(sha ? { sha } : {}),
      ...(description ? { description } : {}),
    };
    // Recorded whatever the outcome: who asked to deploy what, and the answer.
    const event = await auditor.createEvent({
      eventId: 'deploy-gate-decide',
      severityLevel: 'medium',
      request: req,
      meta: { entityRef, changeKind: kind, sha: sha ?? null },
    });
    try {
      await mayEvaluate(req, entityRef);
      const decision = await gate.decide(ref, change, now());
      await event.success({
        meta: {
          decision: decision.decision,
          reason: decision.reason,
          overrideId: decision.override?.id ?? null,
        },
      });
      res.json({ ...decision });
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/deploy-gate/overrides', async (req, res) => {
    const entityRef = stringifyEntityRef(entityRefOf(req.query.entityRef));
    await mayEvaluate(req, entityRef);
    res.json({
      entityRef,
      overrides: await gate.listOverrides(entityRef, now()),
    });
  });

  router.post('/deploy-gate/overrides', async (req, res) => {
    onlyFields(req.body, ['entityRef', 'reason', 'expiresInMinutes'], '');
    const entityRef = stringifyEntityRef(entityRefOf(req.body.entityRef));
    const event = await auditor.createEvent({
      eventId: 'deploy-gate-override',
      severityLevel: 'high',
      request: req,
      meta: {
        entityRef,
        expiresInMinutes: req.body.expiresInMinutes,
      },
    });
    try {
      // A person answers for an override: no service token may grant one.
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      await authorizeOrThrow(
        permissions,
        credentials,
        { permission: sloDeployGateOverridePermission, resourceRef: entityRef },
        `Only the on-call engineers and managers of ${entityRef}'s team (and platform admins) may override its deploy gate`,
      );
      const reason = req.body.reason.trim();
      if (reason.length < 3) {
        throw new InputError(
          'reason: say why the service must deploy despite its error budget (at least 3 characters)',
        );
      }
      const { expiresInMinutes } = req.body;
      if (expiresInMinutes < 1 || expiresInMinutes > MAX_OVERRIDE_MINUTES) {
        throw new InputError(
          `expiresInMinutes must be from 1 to ${MAX_OVERRIDE_MINUTES} (a day)`,
        );
      }
      const override = await gate.createOverride({
        entityRef,
        reason,
        expiresInMinutes,
        createdBy: actorRef(credentials),
        at: now(),
      });
      await event.success({
        meta: {
          overrideId: override.id,
          reason,
          expiresAt: override.expiresAt,
        },
      });
      res.status(201).json({ ...override });
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });
}
