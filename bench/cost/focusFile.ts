// The benchmark's FOCUS export: the demo estate's resources over DAYS days,
// repeated over as many billing accounts as the row count needs.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import { addDays } from '@gogidix/plugin-cost-common';
import { DEMO_ESTATE } from '../../plugins/cost-backend/src/demo/demoEstate';
import {
  demoUsageRecord,
  FOCUS_COLUMNS,
} from '../../plugins/cost-backend/src/demo/generateDemo';

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
      const lines: string[][] = [];
      for (const r of DEMO_ESTATE) {
        if (written + lines.length >= rows) break;
        const cents = Math.round(
          r.dailyCost * (0.9 + ((d * 7 + account) % 20) / 100) * 100,
        );
        // The demo's FOCUS 1.2 usage row, one account per repetition.
        const record: Record<string, string | undefined> = {
          ...demoUsageRecord(r, date, cents),
          BillingAccountId: `bench-${account}`,
          BillingAccountName: `bench-${account}`,
          ResourceId: `${r.resourceId}-${account}`,
        };
        lines.push(FOCUS_COLUMNS.map(c => record[c] ?? ''));
      }
      written += lines.length;
      if (!out.write(stringify(lines))) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}
