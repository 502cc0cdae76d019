import {
  ERROR_BUDGET_POLICY_ANNOTATION,
  OPENSLO_DEPLOY_POLICY_ANNOTATION,
} from '@gogidix/portal-common';
import { isMeasured, Measured } from '../compute/budget';
import { ResolvedSlo } from '../openslo/types';
import {
  DEPLOY_CHANGE_KINDS,
  DeployChange,
  DeployChangeKind,
  DeployGateDecision,
  DeployGateOverride,
  DeployGateSlo,
  DeployPolicyInForce,
  ErrorBudgetPolicy,
} from './types';

/**
 * `slo.deployGate.defaultPolicy` when unset: features stop once a budget
 * is spent; fixes and rollbacks, which are how a budget recovers, go on.
 */
export const DEFAULT_DEPLOY_POLICY = 'min-budget=0%; allow=fix,rollback';

/** A policy text that does not parse; the message names the field and the fix. */
export class DeployPolicyError extends Error {
  name = 'DeployPolicyError';
}

const KEYS = ['min-budget', 'allow', 'unknown'] as const;
type Key = (typeof KEYS)[number];
const PERCENT = /^(\d{1,3})(\.\d{1,4})?%$/;

/**
 * Reads a policy such as `min-budget=10%; allow=fix,rollback; unknown=deny`.
 * `min-budget` is required; `allow` defaults to `fix,rollback` (`none` for
 * nothing) and `unknown` to `deny`. `field` names where the text was
 * written, for the error message.
 */
export function parseErrorBudgetPolicy(
  text: string,
  field: string,
): ErrorBudgetPolicy {
  const fail = (message: string): never => {
    throw new DeployPolicyError(`${field}: ${message}`);
  };
  if (typeof text !== 'string' || text.trim() === '') {
    fail('is empty; write e.g. "min-budget=10%; allow=fix,rollback"');
  }
  const values = new Map<Key, string>();
  for (const clause of text.split(';').map(c => c.trim())) {
    if (clause === '') continue;
    const eq = clause.indexOf('=');
    if (eq < 0) fail(`"${clause}" is not key=value`);
    const key = clause.slice(0, eq).trim();
    const value = clause.slice(eq + 1).trim();
    if (!(KEYS as readonly string[]).includes(key)) {
      fail(`unknown key "${key}" (keys: ${KEYS.join(', ')})`);
    }
    if (values.has(key as Key)) fail(`${key} is given twice`);
    values.set(key as Key, value);
  }

  const min = values.get('min-budget');
  if (min === undefined) {
    fail('min-budget is required, e.g. "min-budget=10%"');
  }
  const percent = PERCENT.exec(min!);
  const minPercent = percent ? Number(min!.slice(0, -1)) : NaN;
  if (!percent || minPercent > 100) {
    fail(
      `min-budget must be a percentage from 0% to 100% (e.g. 10%), got "${min}"`,
    );
  }

  const allowText = values.get('allow') ?? 'fix,rollback';
  let allow: DeployChangeKind[] = [];
  if (allowText !== 'none') {
    const kinds = allowText.split(',').map(k => k.trim());
    for (const kind of kinds) {
      if (!(DEPLOY_CHANGE_KINDS as readonly string[]).includes(kind)) {
        fail(
          `allow: "${kind}" is not a change kind (${DEPLOY_CHANGE_KINDS.join(
            ', ',
          )}, or none)`,
        );
      }
    }
    allow = DEPLOY_CHANGE_KINDS.filter(k => kinds.includes(k));
  }

  const unknown = values.get('unknown') ?? 'deny';
  if (unknown !== 'allow' && unknown !== 'deny') {
    fail(`unknown must be allow or deny, got "${unknown}"`);
  }
  return {
    minBudget: minPercent / 100,
    allow,
    unknown: unknown as ErrorBudgetPolicy['unknown'],
  };
}

/** `12.5%`: budgets in reasons, one decimal, negative when overspent. */
export const budgetPercent = (ratio: number) =>
  `${Number((ratio * 100).toFixed(1))}%`;

/** An SLO's compliance period as people write it, e.g. `28d rolling`. */
export const periodText = (slo: ResolvedSlo) =>
  `${slo.timeWindow.duration} ${slo.timeWindow.kind}`;

/** One SLO to weigh: its budget left now and the policy that judges it. */
export interface DeployGateSloInput {
  slo: ResolvedSlo;
  remaining: Measured;
  policy: DeployPolicyInForce;
}

/**
 * Whether `change` may be promoted now. Each SLO is judged by its own
 * policy: below the policy's minimum (or unknown, when the policy says so),
 * only the kinds it allows pass. Any failing SLO denies, unless an active
 * override is given, which allows and says what it overrode.
 */
export function decideDeploy(input: {
  change: DeployChange;
  policy: DeployPolicyInForce;
  slos: DeployGateSloInput[];
  override?: DeployGateOverride;
}): Pick<
  DeployGateDecision,
  'change' | 'decision' | 'reason' | 'policy' | 'slos' | 'override'
> {
  const { change, override } = input;
  const slos: DeployGateSlo[] = input.slos.map(({ slo, remaining, policy }) => {
    const known = isMeasured(remaining);
    const below = known
      ? remaining < policy.policy.minBudget
      : policy.policy.unknown === 'deny';
    const passes = !below || policy.policy.allow.includes(change.kind);
    return {
      sloId: slo.id,
      name: slo.name,
      budgetRemaining: known ? remaining : null,
      target: slo.target,
      period: periodText(slo),
      policy: policy.text,
      policySource: policy.source,
      verdict: passes ? 'pass' : 'fail',
    };
  });
  const policy = { text: input.policy.text, source: input.policy.source };
  const base = { change, policy, slos };
  const failing = slos.filter(s => s.verdict === 'fail');
  const a = `a ${change.kind}`;

  if (failing.length === 0) {
    return { ...base, decision: 'allow', reason: allowReason(a, slos) };
  }
  const why = failing
    .map(s =>
      s.budgetRemaining === null
        ? `${s.name} has no known budget (${s.policy})`
        : `${s.name} has ${budgetPercent(
            s.budgetRemaining,
          )} of its error budget left (${s.policy})`,
    )
    .join('; ');
  const denied = `Policy denies ${a}: ${why}`;
  if (override?.active) {
    return {
      ...base,
      decision: 'allow',
      reason: `Override by ${override.createdBy} until ${override.expiresAt} ("${override.reason}"). ${denied}`,
      override,
    };
  }
  return { ...base, decision: 'deny', reason: denied };
}

function allowReason(a: string, slos: DeployGateSlo[]): string {
  if (slos.length === 0) {
    return 'The service has no SLOs: there is no error budget to guard';
  }
  const known = slos.filter(s => s.budgetRemaining !== null);
  if (known.length === 0) {
    return `No SLO's budget is known and the policy lets ${a} through`;
  }
  const lowest = known.reduce((low, s) =>
    s.budgetRemaining! < low.budgetRemaining! ? s : low,
  );
  return `Policy allows ${a}: the lowest budget left is ${budgetPercent(
    lowest.budgetRemaining!,
  )} (${lowest.name}; ${lowest.policy})`;
}

/**
 * The policy of the service (its annotation, else the configured default)
 * and of each SLO (its OpenSLO annotation, the more specific, else the
 * service's). A policy that does not parse throws, naming where it is.
 */
export function deployPoliciesOf(options: {
  componentPolicy?: string;
  defaultPolicy: string;
  slos: ResolvedSlo[];
}): { service: DeployPolicyInForce; bySlo: Map<string, DeployPolicyInForce> } {
  const service: DeployPolicyInForce =
    options.componentPolicy !== undefined
      ? {
          text: options.componentPolicy,
          source: 'annotation',
          policy: parseErrorBudgetPolicy(
            options.componentPolicy,
            `annotation ${ERROR_BUDGET_POLICY_ANNOTATION}`,
          ),
        }
      : {
          text: options.defaultPolicy,
          source: 'config',
          policy: parseErrorBudgetPolicy(
            options.defaultPolicy,
            'slo.deployGate.defaultPolicy',
          ),
        };
  const bySlo = new Map<string, DeployPolicyInForce>();
  for (const slo of options.slos) {
    bySlo.set(
      slo.id,
      slo.deployPolicy === undefined
        ? service
        : {
            text: slo.deployPolicy,
            source: 'openslo',
            policy: parseErrorBudgetPolicy(
              slo.deployPolicy,
              `SLO ${slo.name} in ${slo.source}: metadata.annotations.${OPENSLO_DEPLOY_POLICY_ANNOTATION}`,
            ),
          },
    );
  }
  return { service, bySlo };
}
