import { Entity } from '@backstage/catalog-model';
import { CostAttributionIndex } from '@gogidix/plugin-cost-common';
import { Readable } from 'node:stream';
import { demoCatalogEntities } from '../__testUtils__/catalog';
import { focusCsv, focusRow, portalTestDatabases } from '@gogidix/test-kit';
import { DatabaseCostStore } from '../database/DatabaseCostStore';
import { costIndexOf } from './catalogIndex';
import { COST_CACHE_MAX_AGE_MS, CostService } from './CostService';
import { importFocusCsv } from './focusImport';

const databases = portalTestDatabases();
const LISTINGS = 'group:default/listings';
const PAYMENTS = 'group:default/payments';

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
      database: { getClient: async () => knex, migrations: { skip: true } },
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
      visible: new Set([LISTINGS]),
    });
    expect(listings.total.current).toBe(30);
    expect(listings.teams.map(t => t.team)).toEqual([LISTINGS]);

    const payments = await service.overview({
      days: 30,
      visible: new Set([PAYMENTS]),
    });
    expect(payments.total.current).toBe(70);
    expect(payments.teams.map(t => t.team)).toEqual([PAYMENTS]);

    // The shared savings are filtered per caller after the cache.
    const savings = await service.savings({ visible: new Set([LISTINGS]) });
    expect(savings.recommendations.every(r => r.owner === LISTINGS)).toBe(true);
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
            team: LISTINGS,
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
    expect(after.teams.map(t => t.team)).toEqual([LISTINGS]);
  });

  it('keeps two teams of one name in different namespaces apart', async () => {
    const { service, load, setIndex } = await setup();
    const FINANCE_PAYMENTS = 'group:finance/payments';
    const group = (name: string, namespace: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name, namespace },
      spec: { type: 'team', children: [] },
    });
    const component = (name: string, owner: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default' },
      spec: { type: 'service', lifecycle: 'production', owner },
    });
    setIndex(
      costIndexOf(
        [
          group('payments', 'default'),
          group('payments', 'finance'),
          component('checkout', 'payments'),
          component('ledger', 'finance/payments'),
        ],
        [],
      ),
    );
    await load([
      charge('checkout', 'payments', 10),
      charge('ledger', 'finance/payments', 20),
      // Team-level cost: the tag names the team in either form.
      focusRow({
        EffectiveCost: '5',
        Tags: JSON.stringify({ team: 'group:finance/payments' }),
      }),
    ]);
    const all = await service.overview({ days: 30 });
    expect(Object.fromEntries(all.teams.map(t => [t.team, t.current]))).toEqual(
      { [PAYMENTS]: 10, [FINANCE_PAYMENTS]: 25 },
    );

    const finance = await service.overview({
      days: 30,
      visible: new Set([FINANCE_PAYMENTS]),
    });
    expect(finance.total.current).toBe(25);
    expect(finance.teams.map(t => t.team)).toEqual([FINANCE_PAYMENTS]);

    // A team asked for by its short name is the default namespace's.
    const asked = await service.overview({ days: 30, team: 'payments' });
    expect(asked.team).toBe(PAYMENTS);
    expect(asked.total.current).toBe(10);
    const rows = await service.exportRows({ days: 30, team: 'payments' });
    expect(rows.map(r => [r.team, r.service, r.cost])).toEqual([
      [PAYMENTS, 'checkout', 10],
    ]);
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
