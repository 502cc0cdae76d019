import { addDays } from '@gogidix/plugin-cost-common';
import { stringify } from 'csv-stringify/sync';
import {
  OpenCostAllocation,
  OpenCostAllocationResponse,
} from '../service/openCost';
import { DEMO_ESTATE, DEMO_EVENTS, DemoResource } from './demoEstate';

// A fixed seed: the same end date always gives the same file.
const SEED = 0x60d1d1;

/** mulberry32: a small, well-known deterministic PRNG. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The columns of the demo's FOCUS 1.2 export, and of the benchmark's: every
 * mandatory column, and the conditional ones the demo has values for.
 */
export const FOCUS_COLUMNS = [
  'BilledCost',
  'BillingAccountId',
  'BillingAccountName',
  'BillingCurrency',
  'BillingPeriodEnd',
  'BillingPeriodStart',
  'ChargeCategory',
  'ChargeClass',
  'ChargeDescription',
  'ChargeFrequency',
  'ChargePeriodEnd',
  'ChargePeriodStart',
  'CommitmentDiscountId',
  'CommitmentDiscountStatus',
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
  'RegionId',
  'ResourceId',
  'ResourceName',
  'ServiceCategory',
  'ServiceName',
  'Tags',
] as const;

type FocusRecord = Partial<Record<(typeof FOCUS_COLUMNS)[number], string>>;

const ACCOUNTS: Record<DemoResource['account'], string> = {
  'gogidix-prod': '111122223333',
  'gogidix-ml': '222233334444',
};
const SAVINGS_PLAN = 'arn:aws:savingsplans::111122223333:savingsplan/sp-demo';
// Compute runs under a savings plan at 18% below list; everything else
// carries the account's 5% negotiated discount.
const COMMITTED_RATE = 0.82;
const NEGOTIATED_RATE = 0.95;

/** The organisation's own tag prefix, as its tagging policy writes keys. */
function tagsOf(r: DemoResource): Record<string, string> {
  if (r.kubernetes) {
    // Split cost allocation data carries the pod's namespace and workload.
    return {
      'kubernetes-namespace': r.team!,
      'app.kubernetes.io/name': r.service!,
    };
  }
  const tags: Record<string, string> = {};
  if (r.service) tags['gogidix:service'] = r.service;
  if (r.team) tags['gogidix:team'] = r.team;
  return tags;
}

function dayFactor(date: string, r: DemoResource, end: string): number {
  let factor = 1;
  // Weekends are quieter for request-driven compute.
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (r.serviceCategory === 'Compute' && (weekday === 0 || weekday === 6)) {
    factor *= 0.85;
  }
  for (const event of DEMO_EVENTS) {
    const first = addDays(end, -event.daysBeforeEnd);
    const last = addDays(first, event.length - 1);
    if (
      event.service === r.service &&
      event.serviceCategory === r.serviceCategory &&
      date >= first &&
      date <= last
    ) {
      factor *= event.factor;
    }
  }
  return factor;
}

/** Whole cents as FOCUS decimal text: the demo's figures reconcile exactly. */
const money = (cents: number) => (cents / 100).toFixed(2);
const toCents = (value: number) => Math.round(value * 100);
const timestamp = (date: string) => `${date}T00:00:00Z`;

function monthOf(date: string) {
  const start = `${date.slice(0, 7)}-01`;
  const [y, m] = start.split('-').map(Number);
  const next = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  return { start, next };
}

/** The columns every charge of one account and billing period shares. */
function billing(account: DemoResource['account'], date: string): FocusRecord {
  const period = monthOf(date);
  return {
    BillingAccountId: ACCOUNTS[account],
    BillingAccountName: account,
    BillingCurrency: 'EUR',
    BillingPeriodStart: timestamp(period.start),
    BillingPeriodEnd: timestamp(period.next),
    InvoiceId: `INV-${ACCOUNTS[account]}-${period.start.slice(0, 7)}`,
    InvoiceIssuerName: 'Amazon Web Services EMEA SARL',
    ProviderName: 'Amazon Web Services',
    PublisherName: 'Amazon Web Services',
  };
}

/**
 * One day of one resource. Committed compute is billed through the savings
 * plan's fee (BilledCost 0) and amortised into EffectiveCost.
 */
export function demoUsageRecord(
  r: DemoResource,
  date: string,
  effectiveCents: number,
  account: DemoResource['account'] = r.account,
): FocusRecord {
  const committed = r.serviceCategory === 'Compute';
  const listCents = Math.round(
    effectiveCents / (committed ? COMMITTED_RATE : NEGOTIATED_RATE),
  );
  return {
    ...billing(account, date),
    BilledCost: money(committed ? 0 : effectiveCents),
    ChargeCategory: 'Usage',
    ChargeDescription: `${r.resourceName} for one day`,
    ChargeFrequency: 'Usage-Based',
    ChargePeriodStart: timestamp(date),
    ChargePeriodEnd: timestamp(addDays(date, 1)),
    CommitmentDiscountId: committed ? SAVINGS_PLAN : '',
    CommitmentDiscountStatus: committed ? 'Used' : '',
    ContractedCost: money(committed ? listCents : effectiveCents),
    EffectiveCost: money(effectiveCents),
    ListCost: money(listCents),
    PricingCategory: committed ? 'Committed' : 'Standard',
    PricingQuantity: '24',
    PricingUnit: 'Hours',
    RegionId: 'eu-west-1',
    ResourceId: r.resourceId,
    ResourceName: r.resourceName,
    ServiceCategory: r.serviceCategory,
    ServiceName: r.serviceName,
    Tags: JSON.stringify(tagsOf(r)),
  };
}

/** A charge of the account as a whole: no resource, no tags. */
function accountCharge(
  account: DemoResource['account'],
  billed: string,
  chargeStart: string,
  chargeEnd: string,
  charge: FocusRecord,
): FocusRecord {
  return {
    ...billing(account, billed),
    ChargePeriodStart: timestamp(chargeStart),
    ChargePeriodEnd: timestamp(chargeEnd),
    RegionId: '',
    ResourceId: '',
    ResourceName: '',
    Tags: '',
    ...charge,
  };
}

/**
 * The charges of a billing period that are not one resource's usage: the
 * savings plan's fee (what committed compute is billed through), tax, a
 * credit, and, after the first month, a correction of the month before.
 */
function periodCharges(
  account: DemoResource['account'],
  month: string,
  first: boolean,
  committedCents: number,
): FocusRecord[] {
  const period = monthOf(month);
  const whole = (charge: FocusRecord) =>
    accountCharge(account, month, period.start, period.next, charge);
  const amount = (cents: number) => ({
    BilledCost: money(cents),
    EffectiveCost: money(cents),
    ListCost: money(cents),
    ContractedCost: money(cents),
  });
  const records: FocusRecord[] = [];
  if (committedCents > 0) {
    records.push(
      whole({
        ...amount(committedCents),
        // Amortised into the usage it covered.
        EffectiveCost: money(0),
        ChargeCategory: 'Purchase',
        ChargeDescription: 'Compute savings plan, monthly fee',
        ChargeFrequency: 'Recurring',
        CommitmentDiscountId: SAVINGS_PLAN,
        PricingCategory: 'Standard',
        PricingQuantity: '1',
        PricingUnit: 'Months',
        ServiceCategory: 'Compute',
        ServiceName: 'Savings Plans for AWS Compute usage',
      }),
    );
  }
  records.push(
    whole({
      ...amount(account === 'gogidix-prod' ? 1234 : 321),
      ChargeCategory: 'Tax',
      ChargeDescription: 'Marketplace sales tax',
      ChargeFrequency: 'Recurring',
      ServiceCategory: 'Other',
      ServiceName: 'AWS Marketplace',
    }),
    whole({
      ...amount(-800),
      ChargeCategory: 'Credit',
      ChargeDescription: 'Promotional credit',
      ChargeFrequency: 'One-Time',
      ServiceCategory: 'Other',
      ServiceName: 'AWS Promotional Credits',
    }),
  );
  if (!first) {
    // A refund, invoiced now, of a day in the month before.
    const previous = addDays(period.start, -1);
    records.push(
      accountCharge(account, month, previous, period.start, {
        ...amount(-550),
        ChargeCategory: 'Usage',
        ChargeClass: 'Correction',
        ChargeDescription: 'Refund of a mis-metered data transfer',
        ChargeFrequency: 'Usage-Based',
        ServiceCategory: 'Networking',
        ServiceName: 'AWS Data Transfer',
      }),
    );
  }
  return records;
}

/**
 * A FOCUS 1.2 CSV export of the demo estate from the first day of the month
 * `months - 1` months before `end` up to `end`: one row per resource and
 * day, and each billing period's fee, tax, credit and correction.
 */
export function generateDemoFocusCsv(end: string, months = 4): string {
  const next = random(SEED);
  const [year, month] = end.split('-').map(Number);
  const start = new Date(Date.UTC(year, month - months, 1))
    .toISOString()
    .slice(0, 10);
  const records: FocusRecord[] = [];
  const totalDays = Math.round(
    (Date.parse(end) - Date.parse(start)) / 86_400_000,
  );
  const committed = new Map<string, number>();
  for (let date = start; date <= end; date = addDays(date, 1)) {
    // Slow organic growth: about 10% over the whole export.
    const growth =
      1 +
      (0.1 *
        (totalDays -
          Math.round((Date.parse(end) - Date.parse(date)) / 86_400_000))) /
        totalDays;
    for (const r of DEMO_ESTATE) {
      const noise = 0.94 + next() * 0.12;
      const effectiveCents = toCents(
        r.dailyCost * growth * noise * dayFactor(date, r, end),
      );
      records.push(demoUsageRecord(r, date, effectiveCents));
      if (r.serviceCategory === 'Compute') {
        const key = `${r.account} ${date.slice(0, 7)}`;
        committed.set(key, (committed.get(key) ?? 0) + effectiveCents);
      }
    }
  }
  for (let m = start; m <= end; m = monthOf(m).next) {
    for (const account of Object.keys(ACCOUNTS) as DemoResource['account'][]) {
      records.push(
        ...periodCharges(
          account,
          m,
          m === start,
          committed.get(`${account} ${m.slice(0, 7)}`) ?? 0,
        ),
      );
    }
  }
  return stringify(records, {
    header: true,
    columns: [...FOCUS_COLUMNS],
  });
}

const GIB = 1024 ** 3;

/**
 * What OpenCost's `/allocation?aggregate=namespace,label:app&step=1d`
 * would answer for the demo's Kubernetes workloads over the `days` days up
 * to `end`.
 */
export function generateDemoAllocations(
  end: string,
  days = 14,
): OpenCostAllocationResponse {
  const next = random(SEED + 1);
  const data: Array<Record<string, OpenCostAllocation>> = [];
  for (let i = days - 1; i >= 0; i--) {
    const date = addDays(end, -i);
    const step: Record<string, OpenCostAllocation> = {};
    for (const r of DEMO_ESTATE.filter(e => e.kubernetes && e.requests)) {
      const req = r.requests!;
      const wobble = () => 0.9 + next() * 0.2;
      const dayCost = r.dailyCost * dayFactor(date, r, end);
      const gpuCost = r.gpu ? dayCost * 0.85 : 0;
      const rest = dayCost - gpuCost;
      const name = `${r.team}/${r.service}`;
      step[name] = {
        name,
        properties: { namespace: r.team!, labels: { app: r.service! } },
        start: `${date}T00:00:00Z`,
        end: `${addDays(date, 1)}T00:00:00Z`,
        minutes: 1440,
        cpuCoreRequestAverage: req.cpu,
        cpuCoreUsageAverage: req.cpuUsed * wobble(),
        cpuCost: rest * 0.7,
        ramByteRequestAverage: req.ramGiB * GIB,
        ramByteUsageAverage: req.ramGiBUsed * GIB * wobble(),
        ramCost: rest * 0.3,
        gpuHours: (r.gpu?.count ?? 0) * 24,
        gpuCost,
        gpuAllocation: r.gpu
          ? {
              gpuRequestAverage: r.gpu.count,
              gpuUsageAverage: r.gpu.count * r.gpu.utilisation * wobble(),
            }
          : null,
        totalCost: dayCost,
      };
    }
    data.push(step);
  }
  return { code: 200, data };
}
