// A FOCUS 1.x billing export for the generated services, one CSV file per
// billing account and month (each under the portal's 200 MB import limit,
// also at five times the default rows), with
// the 21 columns every FOCUS version makes mandatory and tags it attributes
// by: service and team tags, Kubernetes namespace and workload labels, team
// tags alone for shared spend, and a little untagged spend.
import { stringify } from 'csv-stringify/sync';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { SeededRandom } from './random';

/**
 * The columns that change from row to row (numbers and dates, which CSV
 * never quotes) come first; the rest are fixed per resource and quoted by
 * csv-stringify once per resource rather than once per row, which keeps a
 * million rows within seconds.
 */
const ROW_COLUMNS = [
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ContractedCost',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'BillingPeriodStart',
  'BillingPeriodEnd',
];
const RESOURCE_COLUMNS = [
  'BillingAccountId',
  'BillingAccountName',
  'BillingCurrency',
  'ChargeCategory',
  'ChargeClass',
  'ChargeDescription',
  'InvoiceIssuerName',
  'ProviderName',
  'PublisherName',
  'PricingQuantity',
  'PricingUnit',
  'ServiceCategory',
  'ServiceName',
  'ResourceId',
  'ResourceName',
  'Tags',
];
export const FOCUS_COLUMNS = [...ROW_COLUMNS, ...RESOURCE_COLUMNS];

const SERVICES: Array<[category: string, name: string, resource: string]> = [
  ['Compute', 'Amazon Elastic Kubernetes Service', 'pods'],
  ['Compute', 'Amazon Elastic Compute Cloud', 'node'],
  ['Databases', 'Amazon Relational Database Service', 'db'],
  ['Storage', 'Amazon Simple Storage Service', 'bucket'],
  ['Networking', 'Amazon Virtual Private Cloud', 'nat'],
  ['Databases', 'Amazon ElastiCache', 'cache'],
  ['Integration', 'Amazon Simple Queue Service', 'queue'],
  ['Management and Governance', 'Amazon CloudWatch', 'logs'],
];
const ACCOUNTS = ['gogidix-prod', 'gogidix-staging', 'gogidix-data'];

export interface FocusFile {
  /** Relative to the workload folder. */
  path: string;
  month: string;
  /** The BillingAccountId of every row. */
  account: string;
  rows: number;
  bytes: number;
  sha256: string;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The days of `months` months ending with `lastMonth` (`YYYY-MM`), by month. */
export function billingMonths(lastMonth: string, months: number) {
  const [year, month] = lastMonth.split('-').map(Number);
  return Array.from({ length: months }, (_, i) => {
    const start = Date.UTC(year, month - months + i, 1);
    const end = Date.UTC(year, month - months + i + 1, 1);
    const days: string[] = [];
    for (let t = start; t < end; t += 86400_000) days.push(day(t));
    return {
      month: day(start).slice(0, 7),
      start: day(start),
      end: day(end),
      days,
    };
  });
}

/**
 * Writes `rows` charges spread evenly over the days; each day charges the
 * first resources of one fixed list, so a resource's cost moves a little
 * from day to day and month to month.
 */
export async function writeFocusExport(options: {
  dir: string;
  services: Array<{ name: string; team: string }>;
  rows: number;
  lastMonth: string;
  months: number;
  seed: number;
}): Promise<FocusFile[]> {
  const { dir, services, rows } = options;
  const random = new SeededRandom(options.seed);
  const months = billingMonths(options.lastMonth, options.months);
  const totalDays = months.reduce((n, m) => n + m.days.length, 0);
  const perDay = Math.ceil(rows / totalDays);
  const resources = Array.from({ length: perDay }, (_, r) => {
    const service = services[r % services.length];
    const [category, serviceName, kind] = SERVICES[r % SERVICES.length];
    const style = r % 10;
    let tags: Record<string, string> = {
      service: service.name,
      team: service.team,
    };
    if (style === 6 || style === 7) {
      tags = {
        'kubernetes-namespace': service.team,
        'app.kubernetes.io/name': service.name,
      };
    } else if (style === 8) {
      tags = { team: service.team };
    } else if (style === 9) {
      tags = r % 50 === 9 ? {} : { team: service.team };
    }
    const account = r % ACCOUNTS.length;
    const fixed: Record<string, string> = {
      BillingAccountId: ACCOUNTS[account],
      BillingAccountName: ACCOUNTS[account],
      BillingCurrency: 'EUR',
      ChargeCategory: 'Usage',
      // Null: a correction would say `Correction`.
      ChargeClass: '',
      ChargeDescription: `${serviceName} usage of ${service.name}-${kind}`,
      InvoiceIssuerName: 'Amazon Web Services EMEA SARL',
      ProviderName: 'AWS',
      PublisherName: 'AWS',
      PricingQuantity: '24',
      PricingUnit: 'Hours',
      ServiceCategory: category,
      ServiceName: serviceName,
      ResourceId: `arn:aws:${kind}:eu-west-1:${service.name}-${kind}-${r}`,
      ResourceName: `${service.name}-${kind}`,
      Tags: JSON.stringify(tags),
    };
    return {
      account,
      columns: stringify([RESOURCE_COLUMNS.map(c => fixed[c])]),
      daily: 0.5 + random.next() * 40,
    };
  });

  // One file per billing account and month, as a provider exports them:
  // an import replaces what is stored for its (account, billing period)
  // pairs, so the files of one month do not replace each other, and each
  // stays under the import limit at five times the default rows.
  const files: FocusFile[] = [];
  let dayIndex = 0;
  let written = 0;
  for (const month of months) {
    const outputs = ACCOUNTS.map(account => {
      const path = `cost/focus-${month.month}-${account}.csv`;
      const out = createWriteStream(join(dir, path));
      const hash = createHash('sha256');
      const file = { path, month: month.month, account, rows: 0, bytes: 0 };
      const write = async (text: string) => {
        if (!text) return;
        hash.update(text);
        file.bytes += Buffer.byteLength(text);
        if (!out.write(text)) await once(out, 'drain');
      };
      return { file, out, hash, write, text: '' };
    });
    for (const output of outputs)
      await output.write(`${FOCUS_COLUMNS.join(',')}\n`);
    for (const date of month.days) {
      // floor((d+1)·rows/days) - floor(d·rows/days): exactly `rows` in all.
      const count =
        Math.floor(((dayIndex + 1) * rows) / totalDays) -
        Math.floor((dayIndex * rows) / totalDays);
      dayIndex++;
      const next = day(Date.parse(date) + 86400_000);
      const period = `${date}T00:00:00Z,${next}T00:00:00Z,${month.start}T00:00:00Z,${month.end}T00:00:00Z`;
      for (const r of resources.slice(0, count)) {
        const cost = (r.daily * (0.9 + 0.2 * random.next())).toFixed(4);
        const list = (Number(cost) * 1.15).toFixed(4);
        // Usage at list price less the negotiated discount: contracted =
        // effective = billed, no commitment applied.
        const output = outputs[r.account];
        output.text += `${cost},${cost},${list},${cost},${period},${r.columns}`;
        output.file.rows++;
      }
      for (const output of outputs) {
        await output.write(output.text);
        output.text = '';
      }
    }
    for (const { file, out, hash } of outputs) {
      out.end();
      await once(out, 'finish');
      written += file.rows;
      files.push({ ...file, sha256: hash.digest('hex') });
    }
  }
  if (written !== rows)
    throw new Error(`wrote ${written} FOCUS rows, not ${rows}`);
  return files;
}
