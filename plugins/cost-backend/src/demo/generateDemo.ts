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

/** The columns of the demo's FOCUS export, and of the benchmark's. */
export const FOCUS_COLUMNS = [
  'BillingAccountId',
  'BillingAccountName',
  'BillingCurrency',
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ChargeCategory',
  'ServiceCategory',
  'ServiceName',
  'ResourceId',
  'ResourceName',
  'ListCost',
  'BilledCost',
  'EffectiveCost',
  'Tags',
];

function tagsOf(r: DemoResource): Record<string, string> {
  if (r.kubernetes) {
    // Split cost allocation data carries the pod's namespace and workload.
    return {
      'kubernetes-namespace': r.team!,
      'app.kubernetes.io/name': r.service!,
    };
  }
  const tags: Record<string, string> = {};
  if (r.service) tags.service = r.service;
  if (r.team) tags.team = r.team;
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

function money(value: number): string {
  return value.toFixed(4);
}

/**
 * A FOCUS 1.0 CSV export of the demo estate from the first day of the month
 * `months - 1` months before `end` up to `end`, one row per resource and day.
 */
export function generateDemoFocusCsv(end: string, months = 4): string {
  const next = random(SEED);
  const [year, month] = end.split('-').map(Number);
  const start = new Date(Date.UTC(year, month - months, 1))
    .toISOString()
    .slice(0, 10);
  const rows: string[][] = [];
  const totalDays = Math.round(
    (Date.parse(end) - Date.parse(start)) / 86_400_000,
  );
  for (let date = start; date <= end; date = addDays(date, 1)) {
    // Slow organic growth: about 10% over the whole export.
    const growth =
      1 +
      (0.1 *
        (totalDays -
          Math.round((Date.parse(end) - Date.parse(date)) / 86_400_000))) /
        totalDays;
    const periodStart = `${date.slice(0, 7)}-01`;
    const [y, m] = periodStart.split('-').map(Number);
    const periodEnd = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
    for (const r of DEMO_ESTATE) {
      const noise = 0.94 + next() * 0.12;
      const effective = r.dailyCost * growth * noise * dayFactor(date, r, end);
      // Compute runs under a savings plan: billed at list, effective lower.
      const discount = r.serviceCategory === 'Compute' ? 0.82 : 1;
      rows.push([
        r.account === 'gogidix-ml' ? '222233334444' : '111122223333',
        r.account,
        'EUR',
        `${periodStart}T00:00:00Z`,
        `${periodEnd}T00:00:00Z`,
        `${date}T00:00:00Z`,
        `${addDays(date, 1)}T00:00:00Z`,
        'Usage',
        r.serviceCategory,
        r.serviceName,
        r.resourceId,
        r.resourceName,
        money(effective / discount),
        money(effective / discount),
        money(effective),
        JSON.stringify(tagsOf(r)),
      ]);
    }
  }
  return stringify(rows, { header: true, columns: FOCUS_COLUMNS });
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
