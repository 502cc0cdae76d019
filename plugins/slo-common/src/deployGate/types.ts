/**
 * The deploy gate: whether a change of a service may be promoted now, given
 * the error budget its SLOs have left and the service's error-budget policy.
 */

/** What a deploy brings: new behaviour, a fix, or a return to an earlier build. */
export type DeployChangeKind = 'feature' | 'fix' | 'rollback';

export const DEPLOY_CHANGE_KINDS: readonly DeployChangeKind[] = [
  'feature',
  'fix',
  'rollback',
];

/**
 * An error-budget policy, e.g. `min-budget=10%; allow=fix,rollback`: while
 * an SLO has less than `minBudget` of its budget left, only the `allow`
 * kinds of change deploy.
 */
export interface ErrorBudgetPolicy {
  /** Share of the budget (0 to 1) below which the policy restricts deploys. */
  minBudget: number;
  /** Kinds that deploy even below `minBudget`. */
  allow: DeployChangeKind[];
  /**
   * When an SLO's budget is not known (no data, no SLI source): `deny`
   * treats it as below the minimum (missing is never read as good).
   */
  unknown: 'allow' | 'deny';
}

/**
 * Where a policy came from: the component's annotation, the SLO's own
 * OpenSLO annotation, or `slo.deployGate.defaultPolicy`.
 */
export type DeployPolicySource = 'annotation' | 'openslo' | 'config';

/** A policy as written, where it was written, and what it says. */
export interface DeployPolicyInForce {
  text: string;
  source: DeployPolicySource;
  policy: ErrorBudgetPolicy;
}

/** One SLO as the gate weighed it. */
export interface DeployGateSlo {
  sloId: string;
  name: string;
  /** Share of the budget left (negative once overspent); null when unknown. */
  budgetRemaining: number | null;
  target: number;
  /** The SLO's compliance period as written, e.g. `28d rolling`. */
  period: string;
  /** The policy this SLO is judged by, as written. */
  policy: string;
  policySource: DeployPolicySource;
  /** Whether this SLO lets the change through. */
  verdict: 'pass' | 'fail';
}

/** An on-call engineer's or manager's permission to deploy despite the policy. */
export interface DeployGateOverride {
  id: string;
  entityRef: string;
  reason: string;
  /** Who granted it (a user entity ref). */
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  /** Whether it is in force at the moment of the answer. */
  active: boolean;
}

/** The change a pipeline asks to promote. */
export interface DeployChange {
  kind: DeployChangeKind;
  sha?: string;
  description?: string;
}

/** `POST /deploy-gate` and `GET /deploy-gate` */
export interface DeployGateDecision {
  entityRef: string;
  /** The moment decided. */
  at: string;
  change: DeployChange;
  decision: 'allow' | 'deny';
  reason: string;
  /** The service's policy (its annotation, or the configured default). */
  policy: { text: string; source: DeployPolicySource };
  slos: DeployGateSlo[];
  /** The override in force, when it turned a deny into an allow. */
  override?: DeployGateOverride;
}

/** `GET /deploy-gate/overrides` */
export interface DeployGateOverrideList {
  entityRef: string;
  overrides: DeployGateOverride[];
}
