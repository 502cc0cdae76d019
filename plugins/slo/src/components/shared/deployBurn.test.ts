import { DeploymentEvent } from '@gogidix/plugin-delivery-common';
import { BudgetPoint } from '@gogidix/plugin-slo-common';
import { deployBudgetBurn } from './deployBurn';

/** Hourly snapshots from 2026-12-01T00:00Z, one remaining budget each. */
const hourly = (remaining: Array<number | null>): BudgetPoint[] =>
  remaining.map((r, hour) => ({
    at: new Date(Date.UTC(2026, 11, 1, hour)).toISOString(),
    remaining: r,
    sli: null,
  }));

const deploy = (
  finishedAt: string | null,
  environment = 'production',
): DeploymentEvent => ({
  id: `github:acme/listings:${finishedAt}`,
  source: 'github',
  entityRef: 'component:default/listings-service',
  environment,
  status: finishedAt ? 'success' : 'in_progress',
  sha: 'abc1234',
  startedAt: '2026-12-01T00:00:00Z',
  finishedAt,
  commits: [],
  rollbackOf: null,
});

// 0.80 until 02:00, then 0.02 an hour down to 0.64 at 10:00.
const points = hourly([
  0.8, 0.8, 0.8, 0.78, 0.76, 0.74, 0.72, 0.7, 0.68, 0.66, 0.64,
]);

describe('deployBudgetBurn', () => {
  it.each([
    // Before 02:00 (0.80), at 02:00 + 3 h = 05:00 (0.74): 0.06.
    [
      'on a snapshot',
      '2026-12-01T02:00:00Z',
      3,
      '2026-12-01T02:00:00.000Z',
      0.06,
      true,
    ],
    // Before: 02:00 (0.80); drawn at 03:00; 3 h later is 05:30, last snapshot 05:00 (0.74).
    [
      'between snapshots',
      '2026-12-01T02:30:00Z',
      3,
      '2026-12-01T03:00:00.000Z',
      0.06,
      true,
    ],
    // Before 08:00 (0.68); 08:00 + 6 h is past the last snapshot, 10:00 (0.64).
    [
      'near the end',
      '2026-12-01T08:00:00Z',
      6,
      '2026-12-01T08:00:00.000Z',
      0.04,
      false,
    ],
    // Before 00:00 (0.80), 00:00 + 1 h (0.80): nothing burned.
    [
      'with no burn',
      '2026-12-01T00:00:00Z',
      1,
      '2026-12-01T00:00:00.000Z',
      0,
      true,
    ],
  ])('a deploy %s', (_, finishedAt, hours, markAt, burned, complete) => {
    const [burn] = deployBudgetBurn(points, [deploy(finishedAt)], hours);
    expect(burn.markAt).toBe(markAt);
    expect(burn.burned).toBeCloseTo(burned, 10);
    expect(burn.complete).toBe(complete);
  });

  it.each([
    ['before the timeline', deploy('2026-11-30T23:00:00Z')],
    ['after the timeline', deploy('2026-12-01T10:30:00Z')],
    ['still running', deploy(null)],
    ['to staging', deploy('2026-12-01T02:00:00Z', 'staging')],
  ])('leaves out a deploy %s', (_, deployment) => {
    expect(deployBudgetBurn(points, [deployment])).toEqual([]);
  });

  it('says nothing of the burn when a snapshot has no measurement', () => {
    const gap = hourly([0.8, null, 0.7, 0.6]);
    const [burn] = deployBudgetBurn(gap, [deploy('2026-12-01T01:00:00Z')], 2);
    expect(burn.burned).toBeNull();
  });

  it('does not let budget coming back hide a burn', () => {
    // Down 0.10 in the first hour, back up 0.10 as old errors leave the
    // window: the deploy still burned 0.10, not 0.
    const recovering = hourly([0.8, 0.7, 0.8]);
    const [burn] = deployBudgetBurn(
      recovering,
      [deploy('2026-12-01T00:00:00Z')],
      2,
    );
    expect(burn.burned).toBeCloseTo(0.1, 12);
    expect(burn.complete).toBe(true);
  });

  it('has nothing to mark without snapshots', () => {
    expect(deployBudgetBurn([], [deploy('2026-12-01T02:00:00Z')])).toEqual([]);
  });
});
