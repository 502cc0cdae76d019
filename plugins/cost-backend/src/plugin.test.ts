import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CostSavings } from '@gogidix/plugin-cost-common';
import request from 'supertest';
import { demoCatalogEntities } from './__testUtils__/catalog';
import {
  openCostAllocation,
  startOpenCostStandIn,
} from './__testUtils__/openCostStandIn';
import { costPlugin } from './plugin';

jest.setTimeout(60_000);

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
            cost: { opencost: { baseUrl: openCost.url, frequencyMinutes: 60 } },
          },
        }),
      ],
    });
    try {
      let savings: CostSavings | undefined;
      for (let i = 0; i < 50 && !savings?.recommendations.length; i++) {
        await new Promise(resolve => setTimeout(resolve, 200));
        savings = (await request(backend.server).get('/api/cost/savings')).body;
      }
      expect(savings?.recommendations).toEqual([
        expect.objectContaining({
          kind: 'idle-gpu',
          target: 'ai/image-classifier',
          entityRef: 'component:default/image-classifier',
          owner: 'ai',
        }),
      ]);
      expect(openCost.requests[0].get('aggregate')).toBe('namespace,label:app');
    } finally {
      await backend.stop();
      await openCost.close();
    }
  });
});
