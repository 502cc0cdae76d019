import { AuthService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  decideDeploy,
  DeployChange,
  DeployGateDecision,
  DeployGateOverride,
  deployPoliciesOf,
  DeployPolicyError,
} from '@gogidix/plugin-slo-common';
import { ERROR_BUDGET_POLICY_ANNOTATION } from '@gogidix/portal-common';
import { randomUUID } from 'node:crypto';
import {
  DeployGateStore,
  StoredDeployGateOverride,
} from '../database/DeployGateStore';
import { SloService } from './SloService';

const MINUTE = 60_000;
/** How many overrides the list answers with. */
const LIST_LIMIT = 50;

const withActive = (
  stored: StoredDeployGateOverride,
  at: Date,
): DeployGateOverride => ({
  id: stored.id,
  entityRef: stored.entityRef,
  reason: stored.reason,
  createdBy: stored.createdBy,
  createdAt: stored.createdAt.toISOString(),
  expiresAt: stored.expiresAt.toISOString(),
  active:
    stored.createdAt.getTime() <= at.getTime() &&
    at.getTime() < stored.expiresAt.getTime(),
});

/**
 * The deploy gate: weighs every SLO of a service, with the budget the SLO
 * service computes now, against the service's error-budget policy, and
 * keeps the overrides that let a service deploy anyway.
 */
export class DeployGate {
  constructor(
    private readonly deps: {
      service: SloService;
      catalog: CatalogService;
      auth: AuthService;
      store: DeployGateStore;
      /** `slo.deployGate.defaultPolicy`, checked at start-up. */
      defaultPolicy: string;
    },
  ) {}

  async decide(
    ref: CompoundEntityRef,
    change: DeployChange,
    at: Date,
  ): Promise<DeployGateDecision> {
    const { catalog, auth, service, store, defaultPolicy } = this.deps;
    const entity = await catalog.getEntityByRef(ref, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${stringifyEntityRef(ref)}`);
    }
    const entityRef = stringifyEntityRef(entity);
    const componentPolicy =
      entity.metadata.annotations?.[ERROR_BUDGET_POLICY_ANNOTATION];
    const status = await service.entityStatus(ref, at);
    const head = { entityRef, at: at.toISOString() };
    let policies;
    try {
      policies = deployPoliciesOf({
        componentPolicy,
        defaultPolicy,
        slos: status.slos.map(s => s.slo),
      });
    } catch (error) {
      if (!(error instanceof DeployPolicyError)) throw error;
      // A policy nobody can read guards nothing: deny until it is fixed.
      return {
        ...head,
        change,
        decision: 'deny',
        reason: `The error-budget policy does not parse, so nothing deploys until it is fixed: ${error.message}`,
        policy:
          componentPolicy !== undefined
            ? { text: componentPolicy, source: 'annotation' }
            : { text: defaultPolicy, source: 'config' },
        slos: [],
      };
    }
    const active = await store.activeOverride(entityRef, at);
    const decision = decideDeploy({
      change,
      policy: policies.service,
      slos: status.slos.map(s => ({
        slo: s.slo,
        remaining: s.evaluation?.budget.remaining ?? 'missing',
        policy: policies.bySlo.get(s.slo.id)!,
      })),
      ...(active ? { override: withActive(active, at) } : {}),
    });
    return { ...head, ...decision };
  }

  async createOverride(options: {
    entityRef: string;
    reason: string;
    expiresInMinutes: number;
    createdBy: string;
    at: Date;
  }): Promise<DeployGateOverride> {
    const { catalog, auth } = this.deps;
    const entity = await catalog.getEntityByRef(options.entityRef, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${options.entityRef}`);
    }
    const stored: StoredDeployGateOverride = {
      id: randomUUID(),
      entityRef: options.entityRef,
      reason: options.reason,
      createdBy: options.createdBy,
      createdAt: options.at,
      expiresAt: new Date(
        options.at.getTime() + options.expiresInMinutes * MINUTE,
      ),
    };
    await this.deps.store.createOverride(stored);
    return withActive(stored, options.at);
  }

  async listOverrides(
    entityRef: string,
    at: Date,
  ): Promise<DeployGateOverride[]> {
    const stored = await this.deps.store.listOverrides(entityRef, LIST_LIMIT);
    return stored.map(o => withActive(o, at));
  }
}
