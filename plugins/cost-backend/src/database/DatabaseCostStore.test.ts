import { InputError } from '@backstage/errors';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import {
  FOCUS_HEADER,
  focusCsv,
  focusRow,
  portalTestDatabases,
} from '@gogidix/test-kit';
import { importFocusCsv } from '../service/focusImport';
import { DatabaseCostStore } from './DatabaseCostStore';

const databases = portalTestDatabases();

describe.each(databases.eachSupportedId())('DatabaseCostStore on %s', id => {
  async function createStore() {
    const knex = await databases.init(id);
    const store = await DatabaseCostStore.create({
      database: { getClient: async () => knex },
    });
    return { knex, store };
  }

  const importText = (store: DatabaseCostStore, text: string, gzip = false) =>
    importFocusCsv(
      store,
      Readable.from([gzip ? gzipSync(Buffer.from(text)) : Buffer.from(text)]),
      { gzip, source: 'test' },
    );

  it('imports charges and sums them per day, category and tags', async () => {
    const { store } = await createStore();
    const result = await importText(
      store,
      focusCsv([
        focusRow(),
        focusRow({ EffectiveCost: '1.5' }),
        focusRow({ ServiceCategory: 'Storage', EffectiveCost: '2', Tags: '' }),
        focusRow({ BillingAccountId: 'acct-2', EffectiveCost: '4' }),
      ]),
    );
    expect(result).toEqual({
      rows: 4,
      periods: [
        {
          billingAccountId: 'acct-1',
          billingPeriodStart: '2026-10-01',
          rows: 3,
          cost: 12.5,
        },
        {
          billingAccountId: 'acct-2',
          billingPeriodStart: '2026-10-01',
          rows: 1,
          cost: 4,
        },
      ],
    });
    const groups = await store.costGroups({
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(groups.sort((a, b) => a.cost - b.cost)).toEqual([
      {
        date: '2026-10-14',
        serviceCategory: 'Storage',
        serviceTag: null,
        teamTag: null,
        namespace: null,
        workload: null,
        cost: 2,
      },
      {
        date: '2026-10-14',
        serviceCategory: 'Compute',
        serviceTag: 'listings-service',
        teamTag: 'group:default/listings',
        namespace: null,
        workload: null,
        cost: 14.5,
      },
    ]);
    expect(await store.latestChargeDate()).toBe('2026-10-14');
    expect(await store.currency()).toBe('EUR');
  });

  it('keeps quotes, commas and missing values intact', async () => {
    const { store } = await createStore();
    await importText(
      store,
      focusCsv([
        focusRow({
          ResourceId: 'vol-1',
          ResourceName: 'disk, "old"',
          Tags: '',
        }),
        focusRow({ ResourceId: '', ResourceName: '' }),
      ]),
    );
    expect(
      await store.resourceCosts({ from: '2026-10-01', to: '2026-10-31' }),
    ).toEqual([
      {
        resourceId: 'vol-1',
        resourceName: 'disk, "old"',
        serviceName: 'Amazon Elastic Compute Cloud',
        serviceTag: null,
        teamTag: null,
        namespace: null,
        workload: null,
        cost: 9,
      },
    ]);
  });

  it('reads gzipped files', async () => {
    const { store } = await createStore();
    const result = await importText(store, focusCsv([focusRow()]), true);
    expect(result.rows).toBe(1);
  });

  it('replaces a billing period of an account when it is imported again', async () => {
    const { store } = await createStore();
    await importText(
      store,
      focusCsv([
        focusRow(),
        focusRow({
          BillingPeriodStart: '2026-09-01',
          ChargePeriodStart: '2026-09-03',
        }),
      ]),
    );
    await importText(store, focusCsv([focusRow({ EffectiveCost: '100' })]));
    const imports = await store.listImports();
    expect(imports.map(i => [i.billingPeriodStart, i.rows, i.cost])).toEqual([
      ['2026-10-01', 1, 100],
      ['2026-09-01', 1, 9],
    ]);
    const total = (
      await store.costGroups({ from: '2026-09-01', to: '2026-10-31' })
    ).reduce((s, g) => s + g.cost, 0);
    expect(total).toBe(109);
  });

  it.each([
    [
      'a missing column',
      focusCsv(
        [focusRow()],
        FOCUS_HEADER.filter(c => c !== 'EffectiveCost'),
      ),
      'line 1: missing FOCUS columns EffectiveCost',
    ],
    [
      'a bad number and a bad date',
      focusCsv([
        focusRow({ EffectiveCost: '50' }),
        focusRow({ BilledCost: 'ten' }),
        focusRow(),
        focusRow({ ChargePeriodStart: '2026-13-01' }),
      ]),
      'Import rejected, nothing was changed: line 3: BilledCost "ten" is not a decimal number; line 5: ChargePeriodStart "2026-13-01" is not an ISO 8601 UTC date',
    ],
    [
      'a quote that never closes',
      focusCsv([focusRow(), '"10,acct-1']),
      'The file is not a readable FOCUS CSV',
    ],
  ])('rejects %s, reports it and changes nothing', async (_, text, message) => {
    const { store } = await createStore();
    await importText(store, focusCsv([focusRow({ EffectiveCost: '7' })]));
    const before = await store.costGroups({
      from: '2026-01-01',
      to: '2026-12-31',
    });

    const failure = importText(store, text);
    await expect(failure).rejects.toThrow(InputError);
    await expect(failure).rejects.toThrow(message);

    expect(
      await store.costGroups({ from: '2026-01-01', to: '2026-12-31' }),
    ).toEqual(before);
    expect((await store.listImports()).map(i => i.cost)).toEqual([7]);
  });

  it('replaces allocations day by day', async () => {
    const { store } = await createStore();
    const allocation = {
      date: '2026-11-01',
      namespace: 'ai',
      workload: 'valuation-model',
      windowHours: 24,
      cpuCoreRequestAverage: 2,
      cpuCoreUsageAverage: 1,
      cpuCost: 3,
      ramByteRequestAverage: 1e9,
      ramByteUsageAverage: 5e8,
      ramCost: 1,
      gpuHours: 24,
      gpuCost: 70,
      gpuUsageAverage: 0.5,
      totalCost: 74,
    };
    await store.replaceAllocations([
      allocation,
      { ...allocation, workload: null, gpuUsageAverage: null },
    ]);
    await store.replaceAllocations([{ ...allocation, cpuCost: 9 }]);
    expect(
      await store.allocations({ from: '2026-11-01', to: '2026-11-01' }),
    ).toEqual([{ ...allocation, cpuCost: 9 }]);
  });
});
