// The benchmark's FOCUS export: the demo estate's resources over DAYS days,
// repeated over as many billing accounts as the row count needs.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import { addDays } from '@gogidix/plugin-cost-common';
import { DEMO_ESTATE } from '../../plugins/cost-backend/src/demo/demoEstate';
import { FOCUS_COLUMNS } from '../../plugins/cost-backend/src/demo/generateDemo';

/** The last day of the benchmark's bill. */
export const END = '2026-11-26';
const DAYS = 120;

/** The demo estate's resources, repeated over enough accounts to reach `rows`. */
export async function writeFocusFile(file: string, rows: number) {
  const out = createWriteStream(file);
  out.write(`${FOCUS_COLUMNS.join(',')}\n`);
  let written = 0;
  for (let account = 0; written < rows; account++) {
    for (let d = 0; d < DAYS && written < rows; d++) {
      const date = addDays(END, -d);
      const period = `${date.slice(0, 7)}-01`;
      const [y, m] = period.split('-').map(Number);
      const periodEnd = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
      const lines: string[][] = [];
      for (const r of DEMO_ESTATE) {
        if (written + lines.length >= rows) break;
        const tags: Record<string, string> = r.kubernetes
          ? {
              'kubernetes-namespace': r.team!,
              'app.kubernetes.io/name': r.service!,
            }
          : {
              ...(r.service && { service: r.service }),
              ...(r.team && { team: r.team }),
            };
        const cost = (
          r.dailyCost *
          (0.9 + ((d * 7 + account) % 20) / 100)
        ).toFixed(4);
        lines.push([
          `bench-${account}`,
          `bench-${account}`,
          'EUR',
          `${period}T00:00:00Z`,
          `${periodEnd}T00:00:00Z`,
          `${date}T00:00:00Z`,
          `${addDays(date, 1)}T00:00:00Z`,
          'Usage',
          r.serviceCategory,
          r.serviceName,
          `${r.resourceId}-${account}`,
          r.resourceName,
          cost,
          cost,
          cost,
          JSON.stringify(tags),
        ]);
      }
      written += lines.length;
      if (!out.write(stringify(lines))) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}
