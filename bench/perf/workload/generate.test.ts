import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  missingFocusColumns,
  parseFocusRow,
} from '@gogidix/plugin-cost-common';
import { parseOpenSloDocuments } from '@gogidix/plugin-slo-common';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { generateWorkload, treeHash, WorkloadManifest } from './generate';
import { DEFAULT_PARAMETERS, WorkloadParameters } from './organisation';
import { danglingReferences } from './relations';

const small: WorkloadParameters = {
  ...DEFAULT_PARAMETERS,
  entities: 1000,
  slos: 30,
  complianceEntities: 40,
  costRows: 2000,
  costMonths: 2,
};

const folders: string[] = [];
const folder = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-workload-'));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

/** Every entity the root Location leads to, read back from the files. */
function readCatalog(dir: string, workload: WorkloadManifest): Entity[] {
  const root = path.join(dir, workload.catalog.root);
  const [location] = parseAllDocuments(fs.readFileSync(root, 'utf8')).map(d =>
    d.toJS(),
  );
  return (location.spec.targets as string[]).flatMap(target =>
    parseAllDocuments(
      fs.readFileSync(path.resolve(path.dirname(root), target), 'utf8'),
    ).map(d => d.toJS() as Entity),
  );
}

describe('generateWorkload', () => {
  let dir: string;
  let workload: WorkloadManifest;
  let entities: Entity[];
  beforeAll(async () => {
    dir = folder();
    workload = await generateWorkload(dir, small);
    entities = readCatalog(dir, workload);
  }, 60_000);

  it('writes the same bytes for the same seed, in any folder', async () => {
    const again = await generateWorkload(folder(), small);
    expect(again.sha256).toBe(workload.sha256);
    expect(treeHash(dir)).toBe(workload.sha256);
  }, 60_000);

  it('writes another organisation for another seed', async () => {
    const other = await generateWorkload(folder(), { ...small, seed: 11 });
    expect(other.sha256).not.toBe(workload.sha256);
  }, 60_000);

  it('reuses a folder generated with the same parameters', async () => {
    const marker = path.join(dir, 'catalog/all.yaml');
    const before = fs.statSync(marker).mtimeMs;
    await generateWorkload(dir, small);
    expect(fs.statSync(marker).mtimeMs).toBe(before);
  });

  it('holds the requested entities, about 80% of them components', () => {
    expect(entities).toHaveLength(small.entities);
    const counts: Record<string, number> = {};
    for (const e of entities) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
    expect(counts).toEqual(workload.catalog.counts);
    expect(counts.Component / small.entities).toBeGreaterThan(0.75);
    for (const kind of ['API', 'System', 'Domain', 'Resource', 'Group', 'User'])
      expect(counts[kind]).toBeGreaterThan(0);
    const refs = entities.map(e => stringifyEntityRef(e));
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('names only entities that exist, in every relation', () => {
    expect(danglingReferences(entities)).toEqual([]);
    const owners = entities.filter(e => e.kind === 'Component');
    expect(owners.every(e => e.spec?.owner && e.spec?.system)).toBe(true);
    expect(owners.some(e => (e.spec?.dependsOn as string[])?.length)).toBe(
      true,
    );
    expect(owners.some(e => (e.spec?.consumesApis as string[])?.length)).toBe(
      true,
    );
  });

  it('gives the requested services an OpenSLO document the plugin parses', () => {
    const withSlo = entities.filter(
      e => e.metadata.annotations?.['gogidix.io/openslo'],
    );
    expect(withSlo).toHaveLength(small.slos);
    for (const e of withSlo) {
      const file = path.join(
        dir,
        'catalog/repos',
        e.metadata.name,
        e.metadata.annotations!['gogidix.io/openslo'],
      );
      const { slos, problems } = parseOpenSloDocuments(
        fs.readFileSync(file, 'utf8'),
        file,
      );
      expect(problems).toEqual([]);
      expect(slos).toHaveLength(1);
    }
  });

  it('gives the requested services a repository and a Trivy report', () => {
    expect(workload.compliance.reports).toHaveLength(small.complianceEntities);
    for (const report of workload.compliance.reports) {
      const name = path.basename(report, '.json');
      expect(
        JSON.parse(fs.readFileSync(path.join(dir, report), 'utf8')),
      ).toMatchObject({
        SchemaVersion: 2,
      });
      expect(
        fs.existsSync(
          path.join(dir, 'catalog/repos', name, 'catalog-info.yaml'),
        ),
      ).toBe(true);
    }
    expect(
      fs.existsSync(
        path.join(
          dir,
          'catalog/repos',
          path.basename(workload.compliance.reports[1], '.json'),
          'Dockerfile',
        ),
      ),
    ).toBe(true);
  });

  it("writes FOCUS files with the importer's columns, the requested rows, tagged with workload teams", () => {
    const teams = new Set(workload.wellKnown.teams);
    const services = new Set(entities.map(e => e.metadata.name));
    let rows = 0;
    for (const file of workload.cost.files) {
      const records: Array<Record<string, string>> = parse(
        fs.readFileSync(path.join(dir, file.path)),
        { columns: true },
      );
      expect(missingFocusColumns(Object.keys(records[0]))).toEqual([]);
      expect(records).toHaveLength(file.rows);
      const unknown: string[] = [];
      const refused: string[] = [];
      records.forEach((r, index) => {
        // The importer's own row check: every value as FOCUS 1.2 allows it.
        const result = parseFocusRow(r, index + 2, '1.2');
        if (!result.ok) refused.push(JSON.stringify(result.problems));
      });
      expect(refused.slice(0, 3)).toEqual([]);
      for (const r of records) {
        expect(r.ChargePeriodStart.slice(0, 7)).toBe(file.month);
        expect(r.BillingAccountId).toBe(file.account);
        const tags = JSON.parse(r.Tags);
        for (const [tag, known] of [
          ['team', teams],
          ['service', services],
          ['kubernetes-namespace', teams],
        ] as const) {
          if (tags[tag] && !known.has(tags[tag])) {
            unknown.push(`${tag}=${tags[tag]}`);
          }
        }
      }
      expect(unknown).toEqual([]);
      rows += records.length;
    }
    expect(rows).toBe(small.costRows);
    // A file per billing account and month, so that no import replaces
    // another's (account, billing period).
    expect(workload.cost.files.map(f => `${f.month} ${f.account}`)).toEqual([
      '2026-09 gogidix-prod',
      '2026-09 gogidix-staging',
      '2026-09 gogidix-data',
      '2026-10 gogidix-prod',
      '2026-10 gogidix-staging',
      '2026-10 gogidix-data',
    ]);
  });

  it('lists well-known names that exist and a stitched sample with relations', () => {
    const refs = new Set(entities.map(e => stringifyEntityRef(e)));
    const { entityByName, byRefs } = workload.wellKnown;
    expect(
      refs.has(
        `${entityByName.kind}:${entityByName.namespace}/${entityByName.name}`,
      ),
    ).toBe(true);
    expect(byRefs).toHaveLength(20);
    expect(byRefs.every(r => refs.has(r))).toBe(true);
    expect(
      workload.stitchedSample.every(
        s => refs.has(s.entityRef) && s.relations.length > 0,
      ),
    ).toBe(true);
    expect(
      workload.stitchedSample.some(s =>
        s.relations.some(r => r.startsWith('ownerOf ')),
      ),
    ).toBe(true);
  });
});
