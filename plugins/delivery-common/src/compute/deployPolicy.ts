import {
  DeployChangeKind,
  DeployGateBudget,
  DeployGateDecision,
  ErrorBudgetPolicy,
} from '../policy';

const CHANGE_NAMES: Record<DeployChangeKind, string> = {
  feature: 'feature',
  fix: 'fix',
  rollback: 'rollback',
  config: 'configuration change',
};

const percent = (share: number) =>
  `${Number((share * 100).toFixed(2)).toString()}%`;

/**
 * Whether a change may deploy under the service's error-budget policy. A
 * budget that could not be measured is treated as below the policy's floor:
 * missing data never opens the gate wider than an exhausted budget would.
 */
export function evaluateDeployPolicy(
  policy: ErrorBudgetPolicy,
  budget: DeployGateBudget,
  change: { kind: DeployChangeKind },
): DeployGateDecision {
  const floor = policy.minBudgetRemaining;
  if (!Number.isFinite(floor) || floor < 0 || floor > 1) {
    throw new RangeError(
      `minBudgetRemaining must be a share from 0 to 1, got ${floor}`,
    );
  }
  const remaining =
    budget.remaining !== null && Number.isFinite(budget.remaining)
      ? budget.remaining
      : null;
  const figures = {
    kind: change.kind,
    remaining,
    minBudgetRemaining: floor,
    target: budget.target,
  };
  const allowedChanges = policy.allow.length
    ? `only ${policy.allow.join(' or ')} changes may deploy`
    : 'no change may deploy';
  // 1 - 0.9 is not exactly 0.1 in floating point: compare to the billionth.
  if (remaining !== null && remaining >= floor - 1e-9) {
    return {
      decision: 'allow',
      reason: `${percent(
        remaining,
      )} of the error budget is left, at or above the policy's ${percent(
        floor,
      )}.`,
      ...figures,
    };
  }
  const state =
    remaining === null
      ? 'The error budget could not be measured'
      : `Only ${percent(
          remaining,
        )} of the error budget is left, below the policy's ${percent(floor)}`;
  if (policy.allow.includes(change.kind)) {
    return {
      decision: 'allow',
      reason: `${state}; a ${CHANGE_NAMES[change.kind]} may still deploy.`,
      ...figures,
    };
  }
  return {
    decision: 'deny',
    reason: `${state}; ${allowedChanges}, not a ${CHANGE_NAMES[change.kind]}.`,
    ...figures,
  };
}
