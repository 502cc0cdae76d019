import { Attribution } from './attribution';
import {
  allocationSavings,
  sortSavings,
  unownedResourceSavings,
  WorkloadAllocation,
} from './savings';

const ai: Attribution = {
  entityRef: 'component:default/valuation-model',
  team: 'ai',
  system: 'ai-services',
  rule: 'workload-label',
};
const unallocated: Attribution = {
  entityRef: null,
  team: 'unallocated',
  system: null,
  rule: 'unallocated',
};

function allocation(change: Partial<WorkloadAllocation>): WorkloadAllocation {
  return {
    date: '2026-11-01',
    namespace: 'ai',
    workload: 'valuation-model',
    windowHours: 24,
    cpuCoreRequestAverage: 2,
    cpuCoreUsageAverage: 1.8,
    cpuCost: 24,
    ramByteRequestAverage: 4e9,
    ramByteUsageAverage: 3.5e9,
    ramCost: 12,
    gpuHours: 0,
    gpuCost: 0,
    gpuUsageAverage: null,
    totalCost: 36,
    ...change,
  };
}

describe('allocationSavings', () => {
  it.each([
    ['a well-sized workload', allocation({}), []],
    [
      'a GPU busy 10% of the time',
      allocation({ gpuHours: 24, gpuCost: 73, gpuUsageAverage: 0.1 }),
      // 73 €/day → 2,220.42 €/month; sized for 0.1 × 1.3 of a 0.3 floor
      [{ kind: 'idle-gpu', monthlySaving: 1258.24 }],
    ],
    [
      'a busy GPU',
      allocation({ gpuHours: 24, gpuCost: 73, gpuUsageAverage: 0.7 }),
      [],
    ],
    [
      'a GPU with no utilisation metric is not judged',
      allocation({ gpuHours: 24, gpuCost: 73, gpuUsageAverage: null }),
      [],
    ],
    [
      'CPU requested at 8× usage',
      allocation({ cpuCoreRequestAverage: 4, cpuCoreUsageAverage: 0.5 }),
      // 24 €/day × (1 − 0.65/4) × 730/24
      [{ kind: 'oversized-requests', monthlySaving: 611.38 }],
    ],
  ])('%s', (_, input, expected) => {
    const result = allocationSavings([input], () => ai);
    expect(
      result.map(r => ({ kind: r.kind, monthlySaving: r.monthlySaving })),
    ).toEqual(expected);
    for (const r of result) {
      expect(r).toMatchObject({
        owner: 'ai',
        entityRef: ai.entityRef,
        target: 'ai/valuation-model',
      });
    }
  });

  it('weights several windows of one workload by their hours', () => {
    const result = allocationSavings(
      [
        allocation({ gpuHours: 24, gpuCost: 10, gpuUsageAverage: 0 }),
        allocation({
          date: '2026-11-02',
          gpuHours: 24,
          gpuCost: 10,
          gpuUsageAverage: 0.2,
        }),
      ],
      () => ai,
    );
    expect(result[0].detail).toMatch(/^GPUs 10% utilised over 48 h/);
  });
});

describe('unownedResourceSavings', () => {
  it('keeps only unallocated resources and scales to a month', () => {
    const result = unownedResourceSavings(
      [
        {
          resourceId: 'vol-1',
          resourceName: null,
          serviceName: 'EBS',
          cost: 90,
          attribution: unallocated,
        },
        {
          resourceId: 'i-2',
          resourceName: 'vm',
          serviceName: 'EC2',
          cost: 900,
          attribution: ai,
        },
        {
          resourceId: 'vol-3',
          resourceName: null,
          serviceName: 'EBS',
          cost: 1,
          attribution: unallocated,
        },
      ],
      90,
    );
    expect(result).toEqual([
      {
        kind: 'no-owner',
        target: 'vol-1',
        entityRef: null,
        owner: 'unallocated',
        monthlySaving: 30,
        detail: 'EBS resource vol-1 has no service or team tag',
      },
    ]);
  });
});

describe('sortSavings', () => {
  it('puts the largest saving first', () => {
    const base = {
      kind: 'no-owner' as const,
      target: '',
      entityRef: null,
      owner: '',
      detail: '',
    };
    expect(
      sortSavings([
        { ...base, monthlySaving: 5 },
        { ...base, monthlySaving: 50 },
      ]).map(r => r.monthlySaving),
    ).toEqual([50, 5]);
  });
});
