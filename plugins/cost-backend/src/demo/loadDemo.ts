import { addDays } from '@gogidix/plugin-cost-common';
import { Readable } from 'node:stream';
import { CostStore } from '../database/CostStore';
import { importFocusCsv } from '../service/focusImport';
import { parseAllocationResponse } from '../service/openCost';
import { generateDemoAllocations, generateDemoFocusCsv } from './generateDemo';

/**
 * Generates the demo's FOCUS export and OpenCost answer up to yesterday and
 * ingests both through the same import and parser as real data.
 */
export async function loadDemoCost(
  store: CostStore,
  today: string,
): Promise<{ rows: number; allocations: number }> {
  const end = addDays(today, -1);
  const csv = generateDemoFocusCsv(end);
  const result = await importFocusCsv(store, Readable.from([csv]), {
    gzip: false,
    source: 'demo',
  });
  const allocations = parseAllocationResponse(
    generateDemoAllocations(end),
    'app',
  );
  await store.replaceAllocations(allocations);
  return { rows: result.rows, allocations: allocations.length };
}
