/* eslint-disable no-console */
// Generates the performance workload (see README.md beside this file):
//
//   node --require @backstage/cli/config/nodeTransform.cjs \
//     bench/perf/workload/generate.ts [out-dir] [--seed N] [--entities N]
//     [--slos N] [--compliance N] [--cost-rows N]
//
// The same parameters give byte-identical files. A folder whose
// workload.json was written with the same parameters is reused as it is.
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { FocusFile, writeFocusExport } from './focus';
import { openSloDocument } from './openslo';
import {
  DEFAULT_PARAMETERS,
  generateOrganisation,
  WorkloadParameters,
} from './organisation';
import { expectedRelations } from './relations';
import { trivyReport, writeServiceRepository } from './repositories';
import { parseArguments } from './arguments';

export const MANIFEST = 'workload.json';
const SOURCES = [
  'generate.ts',
  'organisation.ts',
  'words.ts',
  'catalogFiles.ts',
  'relations.ts',
  'random.ts',
  'openslo.ts',
  'repositories.ts',
  'focus.ts',
];

/** The generator's own code: a folder made by other code is not reused. */
function generatorHash(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES) {
    hash.update(fs.readFileSync(path.join(__dirname, file)));
  }
  return hash.digest('hex');
}

export interface WorkloadManifest {
  /** sha256 of the generator's source files. */
  generator: string;
  parameters: WorkloadParameters;
  catalog: {
    /** The root Location file, relative to the workload folder. */
    root: string;
    files: number;
    /** Entities per kind, the root Location not counted. */
    counts: Record<string, number>;
    total: number;
  };
  wellKnown: {
    /** A service with an SLO, a repository and an API. */
    entityByName: { kind: string; namespace: string; name: string };
    /** 20 components spread over the whole catalog. */
    byRefs: string[];
    /** The team of the by-name entity (for team pages). */
    team: string;
    teams: string[];
  };
  /**
   * Entities and every relation the catalog must have stitched onto them,
   * both directions (an owner's `ownerOf` needs its components processed).
   */
  stitchedSample: Array<{ entityRef: string; relations: string[] }>;
  slo: { count: number };
  compliance: { entities: number; trivyDir: string; reports: string[] };
  cost: { rows: number; files: FocusFile[] };
  /** Over every file but this one: what "byte-identical" is checked by. */
  sha256: string;
}

function yamlDocuments(entities: Entity[]): string {
  return entities.map(e => stringify(e, { lineWidth: 0 })).join('---\n');
}

function write(file: string, text: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** sha256 over every file's relative path and bytes, in path order. */
export function treeHash(dir: string, skip = [MANIFEST]): string {
  const files: string[] = [];
  const visit = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), {
      withFileTypes: true,
    })) {
      const p = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(p);
      else if (!skip.includes(p)) files.push(p);
    }
  };
  visit('');
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(dir, file)));
  }
  return hash.digest('hex');
}

export function readWorkload(dir: string): WorkloadManifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Every `step`-th item, `count` of them, the last one included. */
const spread = <T>(items: T[], count: number) =>
  Array.from(
    { length: Math.min(count, items.length) },
    (_, i) =>
      items[
        Math.floor(((i + 1) * items.length) / Math.min(count, items.length)) - 1
      ],
  );

export async function generateWorkload(
  dir: string,
  parameters: WorkloadParameters = DEFAULT_PARAMETERS,
): Promise<WorkloadManifest> {
  const generator = generatorHash();
  const existing = readWorkload(dir);
  if (
    existing?.generator === generator &&
    JSON.stringify(existing.parameters) === JSON.stringify(parameters)
  ) {
    return existing;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'cost'), { recursive: true });

  const organisation = generateOrganisation(parameters);
  const catalogDir = path.join(dir, 'catalog');
  const all: Entity[] = [];
  for (const [file, entities] of organisation.files) {
    write(path.join(catalogDir, file), yamlDocuments(entities));
    all.push(...entities);
  }
  write(
    path.join(catalogDir, 'all.yaml'),
    yamlDocuments([
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Location',
        metadata: {
          name: 'perf-workload',
          description: `Generated organisation for the performance benchmark (seed ${parameters.seed}).`,
        },
        spec: {
          targets: [...organisation.files.keys()].map(f => `./${f}`),
        },
      },
    ]),
  );

  // Trivy reports are dated from the end of the billing window, not today.
  const reportDate = new Date(`${parameters.costLastMonth}-01T00:00:00Z`);
  reportDate.setUTCMonth(reportDate.getUTCMonth() + 1);
  const reports: string[] = [];
  for (const service of organisation.services) {
    const repo = path.join(catalogDir, 'repos', service.name);
    if (service.hasSlo) {
      write(path.join(repo, 'slo/openslo.yaml'), openSloDocument(service));
    }
    if (service.hasRepository) {
      writeServiceRepository(repo, service);
      const report = `trivy/${service.name}.json`;
      write(
        path.join(dir, report),
        `${JSON.stringify(
          trivyReport(service.name, service.index, reportDate),
          null,
          2,
        )}\n`,
      );
      reports.push(report);
    }
  }

  const costFiles = await writeFocusExport({
    dir,
    services: organisation.services,
    rows: parameters.costRows,
    lastMonth: parameters.costLastMonth,
    months: parameters.costMonths,
    seed: parameters.seed + 1,
  });

  const counts: Record<string, number> = {};
  for (const e of all) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  const components = all.filter(e => e.kind === 'Component');
  const first = organisation.services[0];
  const byKind = (kind: string) => all.filter(e => e.kind === kind);
  const relations = expectedRelations(all);
  const sample = [
    ...byKind('Group').slice(0, 2),
    byKind('Group').find(g => g.metadata.name === first.team)!,
    ...[
      byKind('User'),
      byKind('Domain'),
      byKind('System'),
      byKind('API'),
      byKind('Resource'),
    ].map(kind => kind[0]),
    ...spread(components, 8),
  ];
  const manifest: WorkloadManifest = {
    generator,
    parameters,
    catalog: {
      root: 'catalog/all.yaml',
      files: organisation.files.size,
      counts,
      total: all.length,
    },
    wellKnown: {
      entityByName: {
        kind: 'component',
        namespace: 'default',
        name: first.name,
      },
      byRefs: spread(components, 20).map(e => stringifyEntityRef(e)),
      team: first.team,
      teams: organisation.teams,
    },
    stitchedSample: [...new Set(sample)].map(e => {
      const entityRef = stringifyEntityRef(e);
      return {
        entityRef,
        relations: [...(relations.get(entityRef) ?? [])].sort(),
      };
    }),
    slo: { count: organisation.services.filter(s => s.hasSlo).length },
    compliance: {
      entities: reports.length,
      trivyDir: 'trivy',
      reports,
    },
    cost: { rows: parameters.costRows, files: costFiles },
    sha256: treeHash(dir),
  };
  fs.writeFileSync(
    path.join(dir, MANIFEST),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
  return manifest;
}

if (require.main === module) {
  const { dir, parameters } = parseArguments(process.argv.slice(2));
  const started = Date.now();
  generateWorkload(dir, parameters)
    .then(manifest => {
      console.log(
        `Workload in ${dir} (${((Date.now() - started) / 1000).toFixed(
          1,
        )} s): ${manifest.catalog.total} entities ${JSON.stringify(
          manifest.catalog.counts,
        )}, ${manifest.slo.count} SLOs, ${
          manifest.compliance.entities
        } repositories with Trivy reports, ${
          manifest.cost.rows
        } FOCUS rows in ${manifest.cost.files.length} files; sha256 ${
          manifest.sha256
        }`,
      );
    })
    .catch(error => {
      console.error(error);
      process.exit(1);
    });
}
