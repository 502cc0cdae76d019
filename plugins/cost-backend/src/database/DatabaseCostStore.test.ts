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
      focusVersion: '1.0',
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
        serviceTagKey: null,
        teamTagKey: null,
        cost: 2,
      },
      {
        date: '2026-10-14',
        serviceCategory: 'Compute',
        serviceTag: 'listings-service',
        teamTag: 'group:default/listings',
        namespace: null,
        workload: null,
        serviceTagKey: 'service',
        teamTagKey: 'team',
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
        focusRow({ ResourceId: 'NULL', ResourceName: 'null', Tags: 'NULL' }),
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
          BillingPeriodStart: '2026-09-01T00:00:00Z',
          ChargePeriodStart: '2026-09-03T00:00:00Z',
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
      'a missing ChargeClass (accepted before, and it replaced the month)',
      focusCsv(
        [focusRow()],
        FOCUS_HEADER.filter(c => c !== 'ChargeClass'),
      ),
      'line 1: missing FOCUS columns ChargeClass (mandatory in FOCUS 1.0, read from the columns present)',
    ],
    [
      'a 1.2 file missing ContractedCost',
      focusCsv(
        [focusRow()],
        [...FOCUS_HEADER.filter(c => c !== 'ContractedCost'), 'InvoiceId'],
      ),
      'line 1: missing FOCUS columns ContractedCost (mandatory in FOCUS 1.2',
    ],
    [
      'values outside the allowed ones and a NULL ServiceName',
      focusCsv([
        focusRow({ ChargeCategory: 'Refund' }),
        focusRow({ ChargeClass: 'Regular', ServiceName: 'NULL' }),
      ]),
      'Import rejected, nothing was changed: 3 problems in a FOCUS 1.0 file: line 2: ChargeCategory "Refund" is not one of Usage, Purchase, Tax, Credit, Adjustment; line 3: ServiceName is null; line 3: ChargeClass "Regular" is not one of Correction',
    ],
    [
      'a declared version that is not read here',
      focusCsv(
        [
          focusRow({ x_FocusVersion: '0.5' }, [
            ...FOCUS_HEADER,
            'x_FocusVersion',
          ]),
        ],
        [...FOCUS_HEADER, 'x_FocusVersion'],
      ),
      'line 2: x_FocusVersion "0.5" is not a FOCUS version read here (1.0, 1.1, 1.2)',
    ],
    [
      'a bad row after two full batches were stored in the transaction',
      focusCsv([
        ...Array.from({ length: 4500 }, () => focusRow()),
        focusRow({ ChargePeriodStart: '2026-10-14' }),
      ]),
      'line 4502: ChargePeriodStart "2026-10-14" is not an ISO 8601 UTC date-time',
    ],
    [
      'a bad number and a bad date',
      focusCsv([
        focusRow({ EffectiveCost: '50' }),
        focusRow({ BilledCost: 'ten' }),
        focusRow(),
        focusRow({ ChargePeriodStart: '2026-13-01T00:00:00Z' }),
      ]),
      'Import rejected, nothing was changed: 2 problems in a FOCUS 1.0 file: line 3: BilledCost "ten" is not a decimal number; line 5: ChargePeriodStart "2026-13-01T00:00:00Z" is not a calendar date',
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
    const invoice = await store.invoiceGroups('billing-period', {
      from: '2026-10',
      to: '2026-10',
    });
    expect(invoice.map(g => [g.rows, g.effectiveMicros])).toEqual([
      [1, 7_000_000],
    ]);
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
