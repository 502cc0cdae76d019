import {
  detectFocusVersion,
  missingFocusColumns,
  parseFocusRow,
} from '@gogidix/plugin-cost-common';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseAllocationResponse } from '../service/openCost';
import { DEMO_ESTATE } from './demoEstate';
import { generateDemoAllocations, generateDemoFocusCsv } from './generateDemo';

const demoServices = join(__dirname, '../../../../demo/services');

describe('the demo bill', () => {
  it('is the same for the same end date', () => {
    expect(generateDemoFocusCsv('2026-11-26')).toBe(
      generateDemoFocusCsv('2026-11-26'),
    );
  });

  it('holds four months of valid FOCUS rows up to the end date', () => {
    const records: Record<string, string>[] = parse(
      generateDemoFocusCsv('2026-11-26'),
      {
        columns: true,
      },
    );
    expect(detectFocusVersion(Object.keys(records[0]))).toBe('1.2');
    expect(missingFocusColumns(Object.keys(records[0]), '1.2')).toEqual([]);
    const rows = records.map((r, i) => parseFocusRow(r, i + 2, '1.2'));
    expect(rows.filter(r => !r.ok)).toEqual([]);
    const dates = rows.map(r => (r.ok ? r.row.chargeDate : '')).sort();
    expect([dates[0], dates[dates.length - 1]]).toEqual([
      '2026-08-01',
      '2026-11-26',
    ]);
  });

  it.each([
    ...new Set(
      DEMO_ESTATE.filter(r => r.service && r.team).map(
        r => `${r.service} ${r.team}`,
      ),
    ),
  ])('tags %s like its catalog entry in demo/', pair => {
    const [service, team] = pair.split(' ');
    const entity = parseYaml(
      readFileSync(
        join(demoServices, service, 'catalog-info.yaml'),
        'utf8',
      ).split('\n---')[0],
    );
    expect(entity.metadata.annotations['gogidix.io/cost-center']).toBe(team);
    expect(
      entity.metadata.annotations['backstage.io/kubernetes-namespace'],
    ).toBe(team);
  });

  it('has OpenCost allocations for every workload and day', () => {
    const allocations = parseAllocationResponse(
      generateDemoAllocations('2026-11-26', 7),
      'app',
    );
    const workloads = DEMO_ESTATE.filter(r => r.kubernetes).length;
    expect(allocations).toHaveLength(workloads * 7);
    expect(
      allocations.filter(a => a.gpuHours > 0).map(a => a.workload),
    ).toContain('image-classifier');
  });
});
