import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CostSavings } from '@gogidix/plugin-cost-common';
import { eventually } from '@gogidix/test-kit';
import request from 'supertest';
import { demoCatalogEntities } from './__testUtils__/catalog';
import {
  openCostAllocation,
  startOpenCostStandIn,
} from './__testUtils__/openCostStandIn';
import { costPlugin } from './plugin';

describe('the cost plugin with OpenCost configured', () => {
  it('pulls allocations on its schedule and turns an idle GPU into a saving', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const openCost = await startOpenCostStandIn([
      {
        'ai/image-classifier': openCostAllocation(
          'ai',
          'image-classifier',
          today,
          {
            gpuHours: 24,
            gpuCost: 60,
            gpuAllocation: { gpuRequestAverage: 1, gpuUsageAverage: 0.05 },
          },
        ),
      },
    ]);
    const backend = await startTestBackend({
      features: [
        costPlugin,
        catalogServiceMock.factory({ entities: demoCatalogEntities() }),
        mockServices.rootConfig.factory({
          data: {
            cost: {
              opencost: { baseUrl: openCost.baseUrl, frequencyMinutes: 60 },
            },
          },
        }),
      ],
    });
    try {
      const savings = await eventually(
        async () => {
          const body: CostSavings = (
            await request(backend.server).get('/api/cost/savings')
          ).body;
          return body.recommendations.length > 0 && body;
        },
        { what: 'a saving from OpenCost', timeoutMs: 10_000, intervalMs: 200 },
      );
      expect(savings.recommendations).toEqual([
        expect.objectContaining({
          kind: 'idle-gpu',
          target: 'ai/image-classifier',
          entityRef: 'component:default/image-classifier',
          owner: 'group:default/ai',
        }),
      ]);
      expect(openCost.requests[0].url.searchParams.get('aggregate')).toBe(
        'namespace,label:app',
      );
    } finally {
      await backend.stop();
      await openCost.stop();
    }
  });
});

describe('the cost plugin with the demo bill', () => {
  it('loads the demo bill once, on a global schedule, not at start', async () => {
    const scheduler = mockServices.scheduler.mock();
    const backend = await startTestBackend({
      features: [
        costPlugin,
        scheduler.factory,
        catalogServiceMock.factory({ entities: demoCatalogEntities() }),
        mockServices.rootConfig.factory({ data: { cost: { demo: true } } }),
      ],
    });
    try {
      // Nothing is imported while the plugin starts: replicas starting
      // together would otherwise import the same bill twice.
      const before = await request(backend.server).get('/api/cost/imports');
      expect(before.body.items).toEqual([]);
      expect(scheduler.scheduleTask).toHaveBeenCalledWith(
        expect.objectContaining({ id: 'cost-demo-load', scope: 'global' }),
      );
      const task = scheduler.scheduleTask.mock.calls[0][0];
      await task.fn(new AbortController().signal);
      const after = await request(backend.server).get('/api/cost/imports');
      expect(after.body.items.length).toBeGreaterThan(0);
      expect(after.body.items[0]).toEqual(
        expect.objectContaining({ source: 'demo' }),
      );
    } finally {
      await backend.stop();
    }
  });
});
