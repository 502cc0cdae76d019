import { evaluateSlo } from '../compute/evaluate';
import { ResolvedSlo } from '../openslo/types';
import {
  budgetPercent,
  decideDeploy,
  DEFAULT_DEPLOY_POLICY,
  deployPoliciesOf,
  DeployPolicyError,
  parseErrorBudgetPolicy,
} from './policy';
import {
  DeployChangeKind,
  DeployGateOverride,
  DeployPolicyInForce,
} from './types';

function slo(name: string, target: number, deployPolicy?: string): ResolvedSlo {
  return {
    id: `checkout-${name}`,
    name,
    displayName: name,
    service: 'checkout',
    source: 'slo/openslo.yaml',
    indicatorName: `checkout-${name}-sli`,
    indicator: { kind: 'raw', query: 'q', rawType: 'failure' },
    target,
    timeWindow: { kind: 'rolling', duration: '28d', seconds: 28 * 86400 },
    budgetingMethod: 'Occurrences',
    runbook: `slo-${name}-burn`,
    alertPolicies: [],
    labels: {},
    ...(deployPolicy ? { deployPolicy } : {}),
  };
}

describe('parseErrorBudgetPolicy', () => {
  it.each<[string, number, DeployChangeKind[], 'allow' | 'deny']>([
    ['min-budget=10%; allow=fix,rollback', 0.1, ['fix', 'rollback'], 'deny'],
    ['min-budget=10%', 0.1, ['fix', 'rollback'], 'deny'],
    ['min-budget=0%;allow=rollback;unknown=allow', 0, ['rollback'], 'allow'],
    ['  min-budget = 25.5% ; allow = none ; ', 0.255, [], 'deny'],
    [
      'allow=rollback,fix,feature; min-budget=100%',
      1,
      ['feature', 'fix', 'rollback'],
      'deny',
    ],
    [DEFAULT_DEPLOY_POLICY, 0, ['fix', 'rollback'], 'deny'],
  ])('reads %p', (text, minBudget, allow, unknown) => {
    expect(parseErrorBudgetPolicy(text, 'policy')).toEqual({
      minBudget,
      allow,
      unknown,
    });
  });

  it.each([
    ['', 'policy: is empty'],
    ['allow=fix', 'policy: min-budget is required'],
    ['min-budget=10', 'policy: min-budget must be a percentage'],
    ['min-budget=0.1', 'policy: min-budget must be a percentage'],
    ['min-budget=-5%', 'policy: min-budget must be a percentage'],
    ['min-budget=101%', 'policy: min-budget must be a percentage'],
    ['min-budget=10%; allow=hotfix', 'policy: allow: "hotfix" is not'],
    ['min-budget=10%; allow=', 'policy: allow: "" is not'],
    ['min-budget=10%; unknown=maybe', 'policy: unknown must be allow or deny'],
    ['min-budget=10%; min-budget=5%', 'policy: min-budget is given twice'],
    ['min-budget=10%; budget=5%', 'policy: unknown key "budget"'],
    ['min-budget=10%, allow=fix', 'policy: min-budget must be a percentage'],
    ['strict', 'policy: "strict" is not key=value'],
  ])('refuses %p naming the field', (text, message) => {
    expect(() => parseErrorBudgetPolicy(text, 'policy')).toThrow(
      DeployPolicyError,
    );
    expect(() => parseErrorBudgetPolicy(text, 'policy')).toThrow(message);
  });
});

const inForce = (text: string): DeployPolicyInForce => ({
  text,
  source: 'config',
  policy: parseErrorBudgetPolicy(text, 'test'),
});

/**
 * The budget left, computed apart from the code under test: the allowed
 * error ratio minus the one measured, as a share of the allowed.
 */
const expectedRemaining = (errorRatio: number, target: number) =>
  ((1 - target - errorRatio) / (1 - target)) as number;

describe('decideDeploy', () => {
  const at = new Date('2026-12-07T10:00:00Z');
  const tenPercent = inForce('min-budget=10%; allow=fix,rollback');

  it.each<
    [string, DeployChangeKind, Array<[number, number | 'missing']>, string]
  >([
    // case, change, [target, period error ratio] per SLO, decision
    [
      'healthy budget lets a feature through',
      'feature',
      [[0.999, 0.0002]],
      'allow',
    ],
    [
      'exactly at the minimum is not below it',
      'feature',
      [[0.999, 0.0009]],
      'allow',
    ],
    [
      'just below the minimum stops a feature',
      'feature',
      [[0.999, 0.00091]],
      'deny',
    ],
    ['overspent stops a feature', 'feature', [[0.999, 0.0015]], 'deny'],
    ['overspent lets a fix through', 'fix', [[0.999, 0.0015]], 'allow'],
    [
      'overspent lets a rollback through',
      'rollback',
      [[0.999, 0.0015]],
      'allow',
    ],
    [
      'one SLO of two overspent stops a feature',
      'feature',
      [
        [0.999, 0.0002],
        [0.99, 0.02],
      ],
      'deny',
    ],
    [
      'unknown budget denies by default',
      'feature',
      [[0.999, 'missing']],
      'deny',
    ],
    ['unknown budget lets a fix through', 'fix', [[0.999, 'missing']], 'allow'],
    ['no SLOs: nothing to guard', 'feature', [], 'allow'],
  ])('%s', (_case, kind, measured, decision) => {
    const slos = measured.map(([target, ratio], i) => {
      const s = slo(`slo${i}`, target);
      return {
        slo: s,
        remaining: evaluateSlo(s, { period: ratio }, at).budget.remaining,
        policy: tenPercent,
      };
    });
    const result = decideDeploy({ change: { kind }, policy: tenPercent, slos });
    expect(result.decision).toBe(decision);
    // Rounded to nine decimals, so the two computations compare exactly.
    const nine = (x: number | null) =>
      x === null ? null : Number(x.toFixed(9));
    expect(
      result.slos.map(row => [
        nine(row.budgetRemaining),
        row.target,
        row.period,
      ]),
    ).toEqual(
      measured.map(([target, ratio]) => [
        ratio === 'missing' ? null : nine(expectedRemaining(ratio, target)),
        target,
        '28d rolling',
      ]),
    );
    expect(result.reason.startsWith(`Policy denies a ${kind}: `)).toBe(
      decision === 'deny',
    );
  });

  it('says the figure that denied, once overspent', () => {
    const s = slo('availability', 0.999);
    const result = decideDeploy({
      change: { kind: 'feature' },
      policy: tenPercent,
      slos: [
        {
          slo: s,
          remaining: evaluateSlo(s, { period: 0.0015 }, at).budget.remaining,
          policy: tenPercent,
        },
      ],
    });
    // (0.001 - 0.0015) / 0.001 = -0.5
    expect(result.reason).toBe(
      'Policy denies a feature: availability has -50% of its error budget left (min-budget=10%; allow=fix,rollback)',
    );
  });

  const override: DeployGateOverride = {
    id: 'o1',
    entityRef: 'component:default/checkout',
    reason: 'hotfix for the payment outage',
    createdBy: 'user:default/amara.okafor',
    createdAt: '2026-12-07T09:00:00.000Z',
    expiresAt: '2026-12-07T11:00:00.000Z',
    active: true,
  };
  const overspent = () => {
    const s = slo('availability', 0.999);
    return [{ slo: s, remaining: -0.5, policy: tenPercent }];
  };

  it('allows what the policy denies while an override is active, and says so', () => {
    const result = decideDeploy({
      change: { kind: 'feature' },
      policy: tenPercent,
      slos: overspent(),
      override,
    });
    expect(result.decision).toBe('allow');
    expect(result.override).toEqual(override);
    expect(result.reason).toMatch(
      /^Override by user:default\/amara\.okafor until 2026-12-07T11:00:00.000Z/,
    );
    expect(result.slos[0].verdict).toBe('fail');
  });

  it('ignores an expired override', () => {
    const result = decideDeploy({
      change: { kind: 'feature' },
      policy: tenPercent,
      slos: overspent(),
      override: { ...override, active: false },
    });
    expect(result.decision).toBe('deny');
    expect(result.override).toBeUndefined();
  });

  it('names no override when the policy allows anyway', () => {
    const result = decideDeploy({
      change: { kind: 'rollback' },
      policy: tenPercent,
      slos: overspent(),
      override,
    });
    expect(result.decision).toBe('allow');
    expect(result.override).toBeUndefined();
  });
});

describe('deployPoliciesOf', () => {
  it("judges each SLO by its own annotation, else the component's, else the default", () => {
    const own = slo('latency', 0.99, 'min-budget=25%; allow=rollback');
    const plain = slo('availability', 0.999);
    const withAnnotation = deployPoliciesOf({
      componentPolicy: 'min-budget=10%',
      defaultPolicy: DEFAULT_DEPLOY_POLICY,
      slos: [own, plain],
    });
    expect(withAnnotation.service.source).toBe('annotation');
    expect(withAnnotation.bySlo.get(own.id)).toMatchObject({
      source: 'openslo',
      policy: { minBudget: 0.25, allow: ['rollback'] },
    });
    expect(withAnnotation.bySlo.get(plain.id)).toMatchObject({
      source: 'annotation',
      policy: { minBudget: 0.1 },
    });
    const withDefault = deployPoliciesOf({
      defaultPolicy: DEFAULT_DEPLOY_POLICY,
      slos: [plain],
    });
    expect(withDefault.bySlo.get(plain.id)).toMatchObject({
      source: 'config',
      text: DEFAULT_DEPLOY_POLICY,
    });
  });

  it.each([
    [
      { componentPolicy: 'min-budget=ten', slos: [] },
      'annotation gogidix.io/error-budget-policy: min-budget must be',
    ],
    [
      { slos: [slo('latency', 0.99, 'allow=fix')] },
      'SLO latency in slo/openslo.yaml: metadata.annotations.gogidix.io/deploy-policy: min-budget is required',
    ],
  ])('names where a bad policy is written', (options, message) => {
    expect(() =>
      deployPoliciesOf({ defaultPolicy: DEFAULT_DEPLOY_POLICY, ...options }),
    ).toThrow(message);
  });

  it('names the config key when the default is wrong', () => {
    expect(() =>
      deployPoliciesOf({ defaultPolicy: 'min-budget=200%', slos: [] }),
    ).toThrow('slo.deployGate.defaultPolicy: min-budget must be');
  });
});

describe('budgetPercent', () => {
  it.each([
    [0.1, '10%'],
    [-0.5, '-50%'],
    [0.12345, '12.3%'],
    [1, '100%'],
  ])('%p is %p', (ratio, text) => expect(budgetPercent(ratio)).toBe(text));
});
