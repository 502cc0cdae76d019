import { CostAttributionIndex } from '@gogidix/plugin-cost-common';
import { Readable } from 'node:stream';
import { demoCatalogEntities } from '../__testUtils__/catalog';
import { focusCsv, focusRow, portalTestDatabases } from '@gogidix/test-kit';
import { DatabaseCostStore } from '../database/DatabaseCostStore';
import { costIndexOf } from './catalogIndex';
import { COST_CACHE_MAX_AGE_MS, CostService } from './CostService';
import { importFocusCsv } from './focusImport';
import { ResultCache } from './resultCache';

const databases = portalTestDatabases();

function demoIndex() {
  return costIndexOf(demoCatalogEntities(), []);
}

const charge = (service: string, team: string, cost: number) =>
  focusRow({
    EffectiveCost: String(cost),
    ResourceId: `r-${service}`,
    Tags: JSON.stringify({ service, team }),
  });

describe.each(databases.eachSupportedId())('CostService on %s', id => {
  async function setup() {
    const knex = await databases.init(id);
    const store = await DatabaseCostStore.create({
      database: { getClient: async () => knex },
    });
    const clock = { now: 1_000_000 };
    let index = demoIndex();
    const service = new CostService(
      store,
      { index: async () => index },
      { budgets: {} },
      () => '2026-10-20',
      { now: () => clock.now },
    );
    // Another instance of the plugin on the same database.
    const otherInstance = await DatabaseCostStore.create({
      database: { getClient: async () => knex },
      skipMigrations: true,
    });
    const load = (lines: string[], into = store) =>
      importFocusCsv(into, Readable.from([Buffer.from(focusCsv(lines))]), {
        gzip: false,
        source: 'test',
      });
    return {
      store,
      otherInstance,
      service,
      clock,
      load,
      setIndex: (next: CostAttributionIndex) => {
        index = next;
      },
    };
  }

  it('never serves one scope the figures cached for another', async () => {
    const { service, load } = await setup();
    await load([
      charge('listings-service', 'listings', 30),
      charge('payments-service', 'payments', 70),
    ]);
    const everyone = await service.overview({ days: 30 });
    expect(everyone.total.current).toBe(100);

    const listings = await service.overview({
      days: 30,
      visible: new Set(['listings']),
    });
    expect(listings.total.current).toBe(30);
    expect(listings.teams.map(t => t.team)).toEqual(['listings']);

    const payments = await service.overview({
      days: 30,
      visible: new Set(['payments']),
    });
    expect(payments.total.current).toBe(70);
    expect(payments.teams.map(t => t.team)).toEqual(['payments']);

    // The shared savings are filtered per caller after the cache.
    const savings = await service.savings({ visible: new Set(['listings']) });
    expect(savings.recommendations.every(r => r.owner === 'listings')).toBe(
      true,
    );
  });

  it.each([
    ['this instance', false],
    ['another instance', true],
  ])('shows a new import through %s on the next request', async (_, other) => {
    const { service, load, otherInstance } = await setup();
    await load([charge('listings-service', 'listings', 30)]);
    expect((await service.overview({ days: 30 })).total.current).toBe(30);
    expect((await service.savings({})).currency).toBe('EUR');
    await load(
      [
        charge('listings-service', 'listings', 30),
        focusRow({
          BillingAccountId: 'acct-2',
          EffectiveCost: '12',
          Tags: JSON.stringify({ service: 'payments-service' }),
        }),
      ],
      other ? otherInstance : undefined,
    );
    expect((await service.overview({ days: 30 })).total.current).toBe(42);
  });

  it('shows a catalog change once the index changes', async () => {
    const { service, load, setIndex } = await setup();
    await load([
      focusRow({
        EffectiveCost: '25',
        Tags: JSON.stringify({ service: 'brand-new-service' }),
      }),
    ]);
    const before = await service.overview({ days: 30 });
    expect(before.unallocated).toBe(25);
    setIndex(
      new CostAttributionIndex(
        [
          ...demoIndex().components,
          {
            entityRef: 'component:default/brand-new-service',
            name: 'brand-new-service',
            team: 'listings',
            system: null,
            kubernetesId: null,
            kubernetesNamespace: null,
          },
        ],
        demoIndex().teams,
      ),
    );
    const after = await service.overview({ days: 30 });
    expect(after.unallocated).toBe(0);
    expect(after.teams.map(t => t.team)).toEqual(['listings']);
  });

  it('recomputes once the maximum age has passed', async () => {
    const { service, store, clock, load } = await setup();
    await load([charge('listings-service', 'listings', 30)]);
    const costGroups = jest.spyOn(store, 'costGroups');
    await service.overview({ days: 30 });
    await service.overview({ days: 30 });
    expect(costGroups).toHaveBeenCalledTimes(1);
    clock.now += COST_CACHE_MAX_AGE_MS;
    await service.overview({ days: 30 });
    expect(costGroups).toHaveBeenCalledTimes(1);
    clock.now += 1;
    await service.overview({ days: 30 });
    expect(costGroups).toHaveBeenCalledTimes(2);
  });
});

describe('ResultCache', () => {
  it('shares one computation between concurrent callers', async () => {
    const cache = new ResultCache(1000, 10);
    const load = jest.fn(async () => 1);
    await Promise.all([cache.get('a', load), cache.get('a', load)]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps no failed computation', async () => {
    const cache = new ResultCache(1000, 10);
    await expect(
      cache.get('a', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(cache.get('a', async () => 2)).resolves.toBe(2);
  });

  it('holds at most its maximum number of entries', async () => {
    const cache = new ResultCache(1000, 3);
    for (const key of ['a', 'b', 'c', 'd', 'e']) {
      await cache.get(key, async () => key);
    }
    expect(cache.size).toBe(3);
    const load = jest.fn(async () => 'again');
    await expect(cache.get('a', load)).resolves.toBe('again');
    expect(load).toHaveBeenCalledTimes(1);
  });
});
