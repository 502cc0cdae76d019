import { DEFAULT_ERROR_BUDGET_POLICY, DeployChangeKind } from '../policy';
import { evaluateDeployPolicy } from './deployPolicy';

describe('evaluateDeployPolicy', () => {
  it.each<[string, number | null, DeployChangeKind, 'allow' | 'deny', RegExp]>([
    [
      'budget to spare',
      0.5,
      'feature',
      'allow',
      /^50% of the error budget is left, at or above the policy's 10%/,
    ],
    ['exactly at the floor', 1 - 0.9, 'feature', 'allow', /at or above/],
    [
      'below the floor, a feature',
      0.05,
      'feature',
      'deny',
      /Only 5% .* below the policy's 10%; only fix or rollback changes may deploy, not a feature/,
    ],
    ['below the floor, a fix', 0.05, 'fix', 'allow', /a fix may still deploy/],
    [
      'overspent, a rollback',
      -0.4,
      'rollback',
      'allow',
      /Only -40% .* a rollback may still deploy/,
    ],
    [
      'overspent, a config change',
      -0.4,
      'config',
      'deny',
      /not a configuration change/,
    ],
    [
      'no budget figure, a feature',
      null,
      'feature',
      'deny',
      /could not be measured/,
    ],
    [
      'no budget figure, a fix',
      null,
      'fix',
      'allow',
      /could not be measured; a fix may still deploy/,
    ],
  ])('%s', (_name, remaining, kind, decision, reason) => {
    const result = evaluateDeployPolicy(
      DEFAULT_ERROR_BUDGET_POLICY,
      { remaining, target: 0.999 },
      { kind },
    );
    expect(result.decision).toBe(decision);
    expect(result.reason).toMatch(reason);
    expect(result).toMatchObject({
      kind,
      remaining,
      minBudgetRemaining: 0.1,
      target: 0.999,
    });
  });

  it('allows nothing below the floor when the policy allows nothing', () => {
    const result = evaluateDeployPolicy(
      { minBudgetRemaining: 0.25, allow: [] },
      { remaining: 0.2, target: 0.99 },
      { kind: 'fix' },
    );
    expect(result.decision).toBe('deny');
    expect(result.reason).toMatch(/no change may deploy, not a fix/);
  });

  it.each([-0.1, 1.5, NaN])('refuses a floor of %p', floor => {
    expect(() =>
      evaluateDeployPolicy(
        { minBudgetRemaining: floor, allow: [] },
        { remaining: 0.5, target: 0.99 },
        { kind: 'fix' },
      ),
    ).toThrow(RangeError);
  });
});
