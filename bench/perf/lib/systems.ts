// Starting the portal and stock Backstage, each on databases of its own, and
// timing each one's ingest of the workload alone.
import { Client } from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { e2e } from '../../../e2e/support/environment';
import { dropDatabases, stop, waitFor } from '../../../e2e/support/portal';
import { options, System } from '../options';
import { startStock } from '../stock/stock';
import {
  prepareCatalog,
  registerCatalog,
  waitUntilIngested as waitUntilStitched,
} from '../workload/catalog';
import { WorkloadManifest } from '../workload/generate';
import { readCatalogProgress, waitUntilIngested } from './ingest';
import { perfDir, startPortal } from './portal';

const catalogDatabase = (system: System) =>
  `${e2e.postgres}/${system.databasePrefix}catalog`;

/**
 * Each system reads the workload from a config location of its own, empty
 * at start-up; registering points it at the workload and refreshes it
 * (workload/catalog.ts). The portal keeps its sign-in users, systems and
 * templates (app-config.perf.yaml); stock has no other location.
 */
function locationsConfig(system: System['name'], dir: string): string {
  const registration = prepareCatalog(dir, system);
  const portalOwn = [
    'demo/org/groups.yaml',
    'demo/org/users.yaml',
    'demo/systems.yaml',
    'templates/all.yaml',
  ].map(file => ({ type: 'file', target: path.join(e2e.repoRoot, file) }));
  const file = path.join(e2e.repoRoot, `.data/perf/locations-${system}.yaml`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    yaml.stringify({
      catalog: {
        locations: [...(system === 'portal' ? portalOwn : []), registration],
      },
    }),
  );
  return file;
}

/**
 * Registers the workload and waits until every entity is processed and
 * stitched: first by the catalog's own tables (lib/ingest.ts), then by its
 * API (workload/catalog.ts: counts per kind, and relations in both
 * directions on a sample), which by then answers at once.
 */
async function ingest(
  system: System,
  dir: string,
  workload: WorkloadManifest,
  token: string,
) {
  const { registeredAt } = await registerCatalog(
    system.baseUrl,
    token,
    dir,
    system.name,
  );
  await waitUntilIngested({
    connectionString: catalogDatabase(system),
    // The workload's entities and its root Location. Until the root is read
    // again after the refresh, the catalog knows far fewer than these.
    expected: workload.catalog.total + 1,
    startedAt: registeredAt,
    timeoutMs: 30 * 60_000,
    onProgress: progress =>
      console.error(`  ${system.name} ingest: ${JSON.stringify(progress)}`),
  });
  await waitUntilStitched(system.baseUrl, token, workload, 60_000);
  return Date.now() - registeredAt;
}

/** Waits until a freshly started catalog has had nothing to do for 5 s. */
async function settle(system: System) {
  const client = new Client({ connectionString: catalogDatabase(system) });
  await waitFor(
    `${system.name}'s catalog database`,
    async () => {
      await client.connect();
      return true;
    },
    60_000,
  );
  try {
    let quietSince = Date.now();
    let last = '';
    while (Date.now() - quietSince < 5_000) {
      const progress = await readCatalogProgress(client);
      const now = JSON.stringify(progress);
      if (now !== last || progress.unprocessed || progress.stitchPending) {
        quietSince = Date.now();
        last = now;
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
}

export async function startSystems(
  dir: string,
  workload: WorkloadManifest,
  token: string,
  runId: number,
  systems: System[],
): Promise<Partial<Record<System['name'], number>>> {
  const ingestMs: Partial<Record<System['name'], number>> = {};
  const shared = path.join(perfDir, 'catalog-settings.yaml');
  const env = { BENCH_TOKEN: token };
  // One system starts and ingests at a time, so that neither slows the other.
  if (!options.skip.has('stock')) {
    const stock: System = {
      name: 'stock',
      baseUrl: `http://localhost:${options.stockPort}`,
      databasePrefix: `perf_stock_${runId}_`,
      children: [],
    };
    systems.push(stock);
    stock.children.push(
      startStock({
        port: options.stockPort,
        databasePrefix: stock.databasePrefix,
        configFiles: [locationsConfig('stock', dir), shared],
        env,
      }),
    );
    stock.backend = stock.children[0];
    await waitFor(
      'Stock Backstage becoming ready (log: .data/perf/logs/stock.log)',
      async () =>
        (
          await fetch(`${stock.baseUrl}/.backstage/health/v1/readiness`)
        ).ok,
      240_000,
      stock.children[0],
    );
    await settle(stock);
    ingestMs.stock = await ingest(stock, dir, workload, token);
    console.error(`stock: ingested in ${ingestMs.stock} ms`);
  }
  const portal: System = {
    name: 'portal',
    baseUrl: `http://localhost:${options.portalPort}`,
    databasePrefix: `perf_portal_${runId}_`,
    children: [],
  };
  systems.push(portal);
  portal.configFiles = [
    path.join(perfDir, 'workload/app-config.workload.yaml'),
    locationsConfig('portal', dir),
    shared,
  ];
  portal.children.push(
    ...(await startPortal({
      port: options.portalPort,
      databasePrefix: portal.databasePrefix,
      token,
      configFiles: portal.configFiles,
    })),
  );
  // startPortal's last child is the backend (the others are stand-ins).
  portal.backend = portal.children[portal.children.length - 1];
  await settle(portal);
  ingestMs.portal = await ingest(portal, dir, workload, token);
  console.error(`portal: ingested in ${ingestMs.portal} ms`);
  return ingestMs;
}

export async function cleanUp(systems: System[]) {
  for (const system of systems) {
    await Promise.all(system.children.map(stop));
  }
  for (const system of systems) {
    await dropDatabases(system.databasePrefix);
  }
}
