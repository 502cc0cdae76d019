// A FOCUS 1.2 export of three billing months, written here from the spec's
// column definitions: every demo component tagged with the organisation's
// prefix (`gogidix:service`, `gogidix:team`), a savings plan fee, tax, a
// credit and a correction of an earlier month. Imported into a real
// database, then allocated and invoiced; every figure is checked against
// sums of the generator's own integers.
import { addDays } from '@gogidix/plugin-cost-common';
import { portalTestDatabases } from '@gogidix/test-kit';
import { stringify } from 'csv-stringify/sync';
import { Readable } from 'node:stream';
import { demoCatalogEntities } from '../__testUtils__/catalog';
import { DatabaseCostStore } from '../database/DatabaseCostStore';
import { costIndexOf } from './catalogIndex';
import { CostService } from './CostService';
import { importFocusCsv } from './focusImport';

const databases = portalTestDatabases();

const COLUMNS = [
  'BilledCost',
  'BillingAccountId',
  'BillingAccountName',
  'BillingAccountType',
  'BillingCurrency',
  'BillingPeriodEnd',
  'BillingPeriodStart',
  'ChargeCategory',
  'ChargeClass',
  'ChargeDescription',
  'ChargeFrequency',
  'ChargePeriodEnd',
  'ChargePeriodStart',
  'ContractedCost',
  'EffectiveCost',
  'InvoiceId',
  'InvoiceIssuerName',
  'ListCost',
  'PricingCategory',
  'PricingQuantity',
  'PricingUnit',
  'ProviderName',
  'PublisherName',
  'ResourceId',
  'ResourceName',
  'ServiceCategory',
  'ServiceName',
  'Tags',
];

/** Integer micros as FOCUS decimal text, in the forms exports write. */
function decimalText(micros: bigint, form: number): string {
  if (form % 3 === 2) return `${micros}e-6`;
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const whole = abs / 1_000_000n;
  let fraction = (abs % 1_000_000n).toString().padStart(6, '0');
  if (form % 3 === 1) fraction = fraction.replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Half away from zero to the cent, in BigInt: the invoice's rounding. */
function cents(micros: bigint): number {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const rounded = abs / 10_000n + (abs % 10_000n >= 5_000n ? 1n : 0n);
  return Number(negative ? -rounded : rounded) / 100;
}

/** Amounts (to the cent) summed as whole cents. */
const centsOf = (amounts: number[]) =>
  amounts.reduce((n, a) => n + Math.round(a * 100), 0);

/** How far (in micros) an amount to the cent is from the exact micros. */
function microsOff(amount: number, micros: bigint): number {
  const off = BigInt(Math.round(amount * 100)) * 10_000n - micros;
  return Number(off < 0n ? -off : off);
}

interface Charge {
  billingMonth: string;
  chargeMonth: string;
  category: string;
  correction: boolean;
  billed: bigint;
  effective: bigint;
  list: bigint;
  contracted: bigint;
  /** The component it belongs to, or null for account-level charges. */
  component: string | null;
}

const MONTHS = ['2026-08', '2026-09', '2026-10'];

function monthBounds(month: string) {
  const [y, m] = month.split('-').map(Number);
  return {
    start: `${month}-01`,
    next: new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10),
  };
}

/** The export and the charges it holds, as integers. */
function focus12Export() {
  const components = new Map<string, string>();
  for (const e of demoCatalogEntities()) {
    if (e.kind === 'Component') {
      components.set(e.metadata.name, String(e.spec?.owner));
    }
  }
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed;
  };
  const charges: Charge[] = [];
  const rows: Record<string, string>[] = [];
  const add = (
    charge: Charge,
    chargeStart: string,
    chargeEnd: string,
    cells: Record<string, string>,
  ) => {
    charges.push(charge);
    const period = monthBounds(charge.billingMonth);
    const form = next();
    rows.push({
      BilledCost: decimalText(charge.billed, form),
      BillingAccountId: '123456789012',
      BillingAccountName: 'gogidix',
      BillingAccountType: 'Billing Account',
      BillingCurrency: 'EUR',
      BillingPeriodStart: `${period.start}T00:00:00Z`,
      BillingPeriodEnd: `${period.next}T00:00:00Z`,
      ChargeClass: charge.correction ? 'Correction' : 'NULL',
      ChargePeriodStart: `${chargeStart}T00:00:00Z`,
      ChargePeriodEnd: `${chargeEnd}T00:00:00Z`,
      ContractedCost: decimalText(charge.contracted, form + 1),
      EffectiveCost: decimalText(charge.effective, form + 2),
      InvoiceId: `INV-${charge.billingMonth}`,
      InvoiceIssuerName: 'Example Cloud',
      ListCost: decimalText(charge.list, form),
      PricingQuantity: 'NULL',
      PricingUnit: 'NULL',
      ProviderName: 'Example Cloud',
      PublisherName: 'Example Cloud',
      ResourceId: 'NULL',
      ResourceName: 'NULL',
      Tags: 'NULL',
      ChargeCategory: charge.category,
      ...cells,
    });
  };

  for (const month of MONTHS) {
    const { start, next: end } = monthBounds(month);
    for (let day = start; day < end; day = addDays(day, 1)) {
      for (const [name, team] of components) {
        const effective = BigInt(1_000_000 + (next() % 40_000_000));
        const contracted = effective + BigInt(next() % 300_000);
        const list = contracted + BigInt(next() % 500_000);
        // Keys in any order and spacing, as exports write JSON.
        const tags =
          next() % 2 === 0
            ? `{"gogidix:service":"${name}","gogidix:team":"${team}"}`
            : `{ "gogidix:team" : "${team}" , "env": "prod", "gogidix:service" : "${name}" }`;
        add(
          {
            billingMonth: month,
            chargeMonth: month,
            category: 'Usage',
            correction: false,
            billed: contracted,
            effective,
            list,
            contracted,
            component: name,
          },
          day,
          addDays(day, 1),
          {
            ChargeDescription: `${name} compute`,
            ChargeFrequency: 'Usage-Based',
            PricingCategory: 'Standard',
            PricingQuantity: '24',
            PricingUnit: 'Hours',
            ResourceId: `res-${name}`,
            ResourceName: name,
            ServiceCategory: 'Compute',
            ServiceName: 'Example Compute',
            Tags: tags,
          },
        );
      }
      // A bucket still tagged for a service the catalog no longer has.
      const orphan = BigInt(2_000_000 + (next() % 1_000_000));
      add(
        {
          billingMonth: month,
          chargeMonth: month,
          category: 'Usage',
          correction: false,
          billed: orphan,
          effective: orphan,
          list: orphan,
          contracted: orphan,
          component: null,
        },
        day,
        addDays(day, 1),
        {
          ChargeDescription: 'Object storage',
          ChargeFrequency: 'Usage-Based',
          PricingCategory: 'Standard',
          ResourceId: 'bucket-old-api',
          ServiceCategory: 'Storage',
          ServiceName: 'Example Storage',
          Tags: '{"gogidix:service": "old-api"}',
        },
      );
    }
    const whole = (
      charge: Omit<Charge, 'billingMonth' | 'chargeMonth' | 'component'>,
      cells: Record<string, string>,
    ) =>
      add(
        { ...charge, billingMonth: month, chargeMonth: month, component: null },
        start,
        end,
        cells,
      );
    const fee = BigInt(next() % 90_000_000) + 10_000_000n;
    whole(
      {
        category: 'Purchase',
        correction: false,
        billed: fee,
        effective: 0n,
        list: fee,
        contracted: fee,
      },
      {
        ChargeDescription: 'Commitment fee',
        ChargeFrequency: 'Recurring',
        PricingCategory: 'Standard',
        ServiceCategory: 'Compute',
        ServiceName: 'Example Commitments',
      },
    );
    const tax = BigInt(next() % 50_000_000) + 1n;
    whole(
      {
        category: 'Tax',
        correction: false,
        billed: tax,
        effective: tax,
        list: tax,
        contracted: tax,
      },
      {
        ChargeDescription: 'VAT',
        ChargeFrequency: 'Recurring',
        ServiceCategory: 'Other',
        ServiceName: 'Example Tax',
      },
    );
    const credit = -BigInt(next() % 20_000_000) - 1n;
    whole(
      {
        category: 'Credit',
        correction: false,
        billed: credit,
        effective: credit,
        list: credit,
        contracted: credit,
      },
      {
        ChargeDescription: 'Promotional credit',
        ChargeFrequency: 'One-Time',
        ServiceCategory: 'Other',
        ServiceName: 'Example Credits',
      },
    );
    if (month !== MONTHS[0]) {
      // Invoiced this month, for the last day of the month before.
      const refund = -BigInt(next() % 9_000_000) - 1n;
      const day = addDays(start, -1);
      charges.push({
        billingMonth: month,
        chargeMonth: day.slice(0, 7),
        category: 'Adjustment',
        correction: true,
        billed: refund,
        effective: refund,
        list: refund,
        contracted: refund,
        component: null,
      });
      const period = monthBounds(month);
      rows.push({
        ...rows[rows.length - 1],
        BilledCost: decimalText(refund, 0),
        EffectiveCost: decimalText(refund, 1),
        ListCost: decimalText(refund, 2),
        ContractedCost: decimalText(refund, 0),
        BillingPeriodStart: `${period.start}T00:00:00Z`,
        ChargeCategory: 'Adjustment',
        ChargeClass: 'Correction',
        ChargeDescription: 'Correction of a mis-metered day',
        ChargeFrequency: 'One-Time',
        ChargePeriodStart: `${day}T00:00:00Z`,
        ChargePeriodEnd: `${start}T00:00:00Z`,
      });
    }
  }
  return {
    csv: stringify(rows, { header: true, columns: COLUMNS }),
    charges,
    components,
  };
}

const sum = (charges: Charge[], pick: (c: Charge) => bigint) =>
  charges.reduce((s, c) => s + pick(c), 0n);

describe.each(databases.eachSupportedId())(
  'a FOCUS 1.2 export with organisation-prefixed tags on %s',
  id => {
    const fixture = focus12Export();

    async function imported() {
      const knex = await databases.init(id);
      const store = await DatabaseCostStore.create({
        database: { getClient: async () => knex },
      });
      const service = new CostService(
        store,
        { index: async () => costIndexOf(demoCatalogEntities(), []) },
        { budgets: {} },
        () => '2026-11-02',
      );
      const result = await importFocusCsv(
        store,
        Readable.from([Buffer.from(fixture.csv)]),
        { gzip: false, source: 'focus-1.2.csv' },
      );
      return { store, service, result };
    }

    it('is read as 1.2 and allocates every component and team', async () => {
      const { service, result } = await imported();
      expect(result.focusVersion).toBe('1.2');
      expect(result.rows).toBe(fixture.charges.length);

      const rows = await service.exportRows({ days: 31 });
      const allocated = new Set(rows.map(r => r.entityRef).filter(Boolean));
      expect(allocated.size).toBe(fixture.components.size);
      expect(fixture.components.size).toBeGreaterThanOrEqual(20);

      const overview = await service.overview({ days: 31 });
      const teams = new Set(fixture.components.values());
      expect(
        overview.teams
          .filter(t => t.team !== 'unallocated' && t.current > 0)
          .map(t => t.team)
          .sort(),
      ).toEqual([...teams].map(t => `group:default/${t}`).sort());

      // Unallocated is exactly the untagged account charges and the orphan.
      const october = fixture.charges.filter(
        c => c.chargeMonth === '2026-10' && !c.component,
      );
      expect(overview.unallocated).toBe(cents(sum(october, c => c.effective)));
      expect(overview.unallocatedReasons.map(r => r.reason)).toEqual(
        expect.arrayContaining([
          "tag gogidix:service = 'old-api' names no catalog component",
          'no service, team, namespace or workload tag (keys in cost.attribution)',
        ]),
      );
    });

    it.each([
      ['billing-period', (c: Charge) => c.billingMonth],
      ['charge-period', (c: Charge) => c.chargeMonth],
    ] as const)(
      'invoices by %s, reconciling to the cent',
      async (basis, monthOf) => {
        const { service } = await imported();
        const invoice = await service.invoice({ basis, months: 12 });
        expect(invoice.basis).toBe(basis);
        const months = [...new Set(fixture.charges.map(monthOf))].sort((a, b) =>
          b.localeCompare(a),
        );
        expect(invoice.periods.map(p => p.month)).toEqual(months);
        for (const period of invoice.periods) {
          const inMonth = fixture.charges.filter(
            c => monthOf(c) === period.month,
          );
          const priced = inMonth.filter(
            c => c.category === 'Usage' || c.category === 'Purchase',
          );
          expect(period).toMatchObject({
            currency: 'EUR',
            billedCost: cents(sum(inMonth, c => c.billed)),
            effectiveCost: cents(sum(inMonth, c => c.effective)),
            listCost: cents(sum(priced, c => c.list)),
            contractedCost: cents(sum(priced, c => c.contracted)),
            negotiatedSavings: cents(sum(priced, c => c.list - c.contracted)),
            commitmentSavings: cents(
              sum(priced, c => c.contracted - c.effective),
            ),
          });
          for (const category of period.categories) {
            const of = inMonth.filter(
              c =>
                c.category === category.chargeCategory &&
                c.correction === category.correction,
            );
            expect(category.rows).toBe(of.length);
            // Less than a cent from its exact sum: a breakdown's cents
            // go where rounding took most, so that they add up.
            expect(
              microsOff(
                category.billedCost,
                sum(of, c => c.billed),
              ),
            ).toBeLessThan(10_000);
            expect(
              microsOff(
                category.effectiveCost,
                sum(of, c => c.effective),
              ),
            ).toBeLessThan(10_000);
          }
          expect(period.categories.reduce((n, c) => n + c.rows, 0)).toBe(
            inMonth.length,
          );
          // The breakdowns add up to the invoice total, cent for cent.
          for (const parts of [period.categories, period.accounts]) {
            expect(centsOf(parts.map(p => p.billedCost))).toBe(
              centsOf([period.billedCost]),
            );
            expect(centsOf(parts.map(p => p.effectiveCost))).toBe(
              centsOf([period.effectiveCost]),
            );
          }
        }
      },
    );

    it('counts a correction in the billing period that invoices it', async () => {
      const { service } = await imported();
      const byBilling = await service.invoice({
        basis: 'billing-period',
        months: 12,
      });
      const byCharge = await service.invoice({
        basis: 'charge-period',
        months: 12,
      });
      const correction = (i: typeof byBilling, month: string) =>
        i.periods
          .find(p => p.month === month)
          ?.categories.find(c => c.correction);
      expect(correction(byBilling, '2026-10')?.chargeCategory).toBe(
        'Adjustment',
      );
      expect(correction(byCharge, '2026-09')?.chargeCategory).toBe(
        'Adjustment',
      );
      expect(correction(byCharge, '2026-10')).toBeUndefined();
    });
  },
);
