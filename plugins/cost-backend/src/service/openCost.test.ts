import {
  openCostAllocation,
  startOpenCostStandIn,
} from '../__testUtils__/openCostStandIn';
import { OpenCostClient, parseAllocationResponse } from './openCost';

describe('OpenCostClient against an OpenCost stand-in', () => {
  it('asks for daily allocations by namespace and workload label and reads GPU use', async () => {
    const server = await startOpenCostStandIn([
      {
        'ai/valuation-model': openCostAllocation(
          'ai',
          'valuation-model',
          '2026-11-01',
          {
            gpuHours: 24,
            gpuCost: 70,
            gpuAllocation: { gpuRequestAverage: 1, gpuUsageAverage: 0.4 },
          },
        ),
        'ai/__unallocated__': openCostAllocation(
          'ai',
          '__unallocated__',
          '2026-11-01',
        ),
        __idle__: openCostAllocation('', '', '2026-11-01', {
          name: '__idle__',
        }),
      },
      {
        'ai/valuation-model': openCostAllocation(
          'ai',
          'valuation-model',
          '2026-11-02',
        ),
      },
    ]);
    try {
      const client = new OpenCostClient({
        baseUrl: `${server.baseUrl}/`,
        workloadLabel: 'app',
      });
      const allocations = await client.dailyAllocations('3d');
      expect(Object.fromEntries(server.requests[0].url.searchParams)).toEqual({
        window: '3d',
        aggregate: 'namespace,label:app',
        step: '1d',
        accumulate: 'false',
      });
      expect(
        allocations.map(a => [
          a.date,
          a.namespace,
          a.workload,
          a.gpuUsageAverage,
        ]),
      ).toEqual([
        ['2026-11-01', 'ai', 'valuation-model', 0.4],
        ['2026-11-01', 'ai', null, null],
        ['2026-11-02', 'ai', 'valuation-model', null],
      ]);
      expect(allocations[0]).toMatchObject({
        windowHours: 24,
        gpuHours: 24,
        gpuCost: 70,
      });
    } finally {
      await server.stop();
    }
  });

  it('turns an OpenCost error into a thrown error', async () => {
    const server = await startOpenCostStandIn([]);
    try {
      const client = new OpenCostClient({
        baseUrl: server.baseUrl,
        workloadLabel: 'app',
      });
      await expect(client.dailyAllocations('not a window')).rejects.toThrow(
        /400/,
      );
    } finally {
      await server.stop();
    }
  });
});

describe('parseAllocationResponse', () => {
  it('falls back to the allocation name when properties are missing', () => {
    const allocation = openCostAllocation(
      'search',
      'search-indexer',
      '2026-11-03',
    );
    delete allocation.properties;
    expect(
      parseAllocationResponse(
        { code: 200, data: [{ [allocation.name]: allocation }, null] },
        'app',
      ),
    ).toMatchObject([{ namespace: 'search', workload: 'search-indexer' }]);
  });
});
