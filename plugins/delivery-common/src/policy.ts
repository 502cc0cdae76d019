/**
 * The error-budget deploy gate: a service's policy, what the gate is asked
 * about, and its answer. The SLO backend's gate route and the CI pipelines'
 * call speak these types; `evaluateDeployPolicy` decides.
 */

/** What a change is, as the pipeline declares it when asking the gate. */
export type DeployChangeKind = 'feature' | 'fix' | 'rollback' | 'config';

export const DEPLOY_CHANGE_KINDS: readonly DeployChangeKind[] = [
  'feature',
  'fix',
  'rollback',
  'config',
];

/** Below `minBudgetRemaining` of the error budget left, only `allow` kinds deploy. */
export interface ErrorBudgetPolicy {
  /** Share of the budget (0..1), e.g. 0.1 for 10%. */
  minBudgetRemaining: number;
  allow: DeployChangeKind[];
}

/** Below 10% budget left, only fixes and rollbacks deploy. */
export const DEFAULT_ERROR_BUDGET_POLICY: ErrorBudgetPolicy = {
  minBudgetRemaining: 0.1,
  allow: ['fix', 'rollback'],
};

/** The SLO's error budget when the gate is asked. */
export interface DeployGateBudget {
  /** Share of the budget left (negative once overspent); null when it could not be measured. */
  remaining: number | null;
  /** The SLO's objective, e.g. 0.999. */
  target: number;
}

export interface DeployGateDecision {
  decision: 'allow' | 'deny';
  /** One sentence a developer reads in the pipeline's log. */
  reason: string;
  kind: DeployChangeKind;
  remaining: number | null;
  minBudgetRemaining: number;
  target: number;
}
