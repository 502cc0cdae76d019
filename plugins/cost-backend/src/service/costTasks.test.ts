import { mockServices } from '@backstage/backend-test-utils';
import { portalTestDatabases } from '@gogidix/test-kit';
import {
  openCostAllocation,
  startOpenCostStandIn,
} from '../__testUtils__/openCostStandIn';
import { DatabaseCostStore } from '../database/DatabaseCostStore';
import { CostTasks } from './costTasks';
import { OpenCostClient } from './openCost';

const databases = portalTestDatabases();

describe.each(databases.eachSupportedId())('CostTasks on %s', id => {
  async function createStore() {
    const knex = await databases.init(id);
    return DatabaseCostStore.create({
      database: { getClient: async () => knex },
    });
  }

  it('loads the demo bill up to the day before today', async () => {
    const store = await createStore();
    const tasks = new CostTasks({
      store,
      logger: mockServices.logger.mock(),
      now: () => new Date('2026-12-07T08:00:00Z'),
    });
    await tasks.loadDemo();
    expect(await store.latestChargeDate()).toBe('2026-12-06');
    expect((await store.listImports()).length).toBeGreaterThan(0);
  });

  it("replaces the stored allocations with OpenCost's last days", async () => {
    const store = await createStore();
    const standIn = await startOpenCostStandIn([
      {
        'listings/listings-service': openCostAllocation(
          'listings',
          'listings-service',
          '2026-12-06',
        ),
      },
    ]);
    try {
      const logger = mockServices.logger.mock();
      const tasks = new CostTasks({
        store,
        logger,
        openCost: new OpenCostClient({
          baseUrl: standIn.baseUrl,
          workloadLabel: 'app',
        }),
      });
      await tasks.syncOpenCost();
      const stored = await store.allocations({
        from: '2026-12-06',
        to: '2026-12-06',
      });
      expect(stored.map(a => [a.namespace, a.workload, a.cpuCost])).toEqual([
        ['listings', 'listings-service', 0.75],
      ]);
      expect(
        standIn.requests.map(r => `${r.url.pathname}${r.url.search}`),
      ).toEqual([expect.stringMatching(/^\/allocation\?.*window=3d/)]);
      expect(logger.info).toHaveBeenCalledWith('Stored 1 OpenCost allocations');
    } finally {
      await standIn.stop();
    }
  });

  it('says that nothing is configured when asked to sync without OpenCost', async () => {
    const tasks = new CostTasks({
      store: await createStore(),
      logger: mockServices.logger.mock(),
    });
    await expect(tasks.syncOpenCost()).rejects.toThrow(
      'No cost.opencost configured',
    );
  });
});
