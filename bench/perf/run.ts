// bench/perf/run.sh: the portal and stock Backstage of the same release, side
// by side on PostgreSQL with the same generated workload. See
// bench/perf/README.md for what is measured and how to read the output.
import { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import {
  dropDatabases,
  installBundle,
  stop,
  waitFor,
} from '../../e2e/support/portal';
import { e2e } from '../../e2e/support/environment';
import { Client } from 'pg';
import { waitUntilIngested, readCatalogProgress } from './lib/ingest';
import { BenchRequest, LoadRun, runLoad } from './lib/load';
import { perfDir, startPortal } from './lib/portal';
import { printTable, printTargets, ratio, TargetCheck } from './lib/report';
import { median, summary } from './lib/stats';
import { createService } from './lib/scaffolderRun';
import { portalUserToken, stockUserToken } from './lib/userToken';
import { CatalogPageResult, measureCatalogPage } from './frontend/measure';
import { guestSignIn, portalSignIn } from './frontend/signIn';
import {
  buildStock,
  startStock,
  stockCatalogPath,
  stockPermissionSetup,
} from './stock/stock';
import { generateWorkload, WorkloadManifest } from './workload/generate';
import { DEFAULT_PARAMETERS } from './workload/organisation';
import {
  prepareCatalog,
  registerCatalog,
  waitUntilIngested as waitUntilStitched,
} from './workload/catalog';
import { loadPluginData, pluginEndpoints } from './workload/load';

const options = {
  runs: Number(process.env.PERF_RUNS ?? 3),
  seconds: Number(process.env.PERF_SECONDS ?? 10),
  connections: [10, 50],
  portalPort: Number(process.env.PERF_PORTAL_PORT ?? 7340),
  stockPort: Number(process.env.PERF_STOCK_PORT ?? 7350),
  workloadPort: Number(process.env.PERF_WORKLOAD_PORT ?? 7343),
  skip: new Set((process.env.PERF_SKIP ?? '').split(',').filter(Boolean)),
};

interface System {
  name: 'stock' | 'portal';
  baseUrl: string;
  databasePrefix: string;
  children: ChildProcess[];
  /** A signed-in user's token: reads are measured as the catalog page makes them. */
  userToken?: string;
  /**
   * The portal's org pages are for managers and admins (a developer gets
   * 403): they are measured as a platform admin, who sees every team.
   */
  adminToken?: string;
}

/** The catalog reads measured, on both systems alike. */
function catalogRequests(workload: WorkloadManifest): BenchRequest[] {
  const { kind, namespace, name } = workload.wellKnown.entityByName;
  return [
    {
      name: 'entity by name',
      method: 'GET',
      path: `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
    },
    {
      // The catalog page's first list query (plugin-catalog's default
      // cursor pagination, 20 rows): all components, by name.
      name: 'list (20 rows)',
      method: 'GET',
      path: '/api/catalog/entities/by-query?filter=kind%3Dcomponent&limit=20&orderField=metadata.name%2Casc&totalItems=exclude',
    },
    {
      name: 'by-refs (20)',
      method: 'POST',
      path: '/api/catalog/entities/by-refs',
      body: { entityRefs: workload.wellKnown.byRefs.slice(0, 20) },
    },
    {
      // The catalog page's filter pickers.
      name: 'facets',
      method: 'GET',
      path: '/api/catalog/entity-facets?facet=kind&facet=spec.type&facet=spec.lifecycle&facet=spec.owner&facet=metadata.tags',
    },
  ];
}

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

type LoadResults = Map<string, Record<System['name'], LoadRun[]>>;

/**
 * Each catalog request at each connection count, `runs` rounds, stock and
 * the portal in turn within a round so that drift in the machine's load
 * falls on both.
 */
async function measureCatalog(systems: System[], workload: WorkloadManifest) {
  const results: LoadResults = new Map();
  for (const request of catalogRequests(workload)) {
    for (const connections of options.connections) {
      const key = `${request.name} @${connections}`;
      const perSystem = { stock: [], portal: [] } as Record<
        System['name'],
        LoadRun[]
      >;
      results.set(key, perSystem);
      for (let round = 1; round <= options.runs; round++) {
        for (const system of systems) {
          const run = await runLoad({
            baseUrl: system.baseUrl,
            token: system.userToken!,
            request,
            connections,
            seconds: options.seconds,
          });
          perSystem[system.name].push(run);
          console.error(
            `  ${key} ${system.name} round ${round}: ${Math.round(
              run.requestsPerSecond,
            )} req/s, P50 ${run.p50} ms, P99 ${run.p99} ms, ${
              run.errors
            } errors`,
          );
        }
      }
    }
  }
  return results;
}

function printCatalog(results: LoadResults) {
  const rows = [
    [
      'request @connections',
      'system',
      'req/s',
      'P50 ms',
      'P99 ms',
      'errors',
      'req/s portal/stock',
      'P99 portal/stock',
    ],
  ];
  for (const [key, perSystem] of results) {
    for (const name of ['stock', 'portal'] as const) {
      const runs = perSystem[name];
      if (!runs.length) continue;
      const stock = perSystem.stock;
      rows.push([
        key,
        name,
        summary(runs.map(r => r.requestsPerSecond)),
        summary(runs.map(r => r.p50)),
        summary(runs.map(r => r.p99)),
        `${runs.reduce((n, r) => n + r.errors, 0)}/${runs.reduce(
          (n, r) => n + r.requests,
          0,
        )}`,
        name === 'portal' && stock.length
          ? ratio(
              median(runs.map(r => r.requestsPerSecond)),
              median(stock.map(r => r.requestsPerSecond)),
            )
          : '',
        name === 'portal' && stock.length
          ? ratio(median(runs.map(r => r.p99)), median(stock.map(r => r.p99)))
          : '',
      ]);
    }
  }
  printTable(rows);
}

/** The settings both catalogs ran with, and what the portal sets on top. */
function printSettings() {
  const shared = fs.readFileSync(
    path.join(perfDir, 'catalog-settings.yaml'),
    'utf8',
  );
  const production = yaml.parse(
    fs.readFileSync(
      path.join(e2e.repoRoot, 'app-config.production.yaml'),
      'utf8',
    ),
  );
  console.log('Settings on both (bench/perf/catalog-settings.yaml):');
  console.log(JSON.stringify(yaml.parse(shared)));
  console.log(
    "The portal's own production settings for the catalog (app-config.production.yaml):",
  );
  console.log(
    JSON.stringify({
      'backend.database.plugin.catalog':
        production.backend?.database?.plugin?.catalog ?? null,
      'catalog.readCache': production.catalog?.readCache ?? null,
    }),
  );
  console.log(
    `Load: autocannon, closed loop, ${options.runs} runs of ${options.seconds} s per request and connection count, stock and portal in turn; median (min-max).`,
  );
}

async function startSystems(
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
  portal.children.push(
    ...(await startPortal({
      port: options.portalPort,
      databasePrefix: portal.databasePrefix,
      token,
      configFiles: [
        path.join(perfDir, 'workload/app-config.workload.yaml'),
        locationsConfig('portal', dir),
        shared,
      ],
    })),
  );
  await settle(portal);
  ingestMs.portal = await ingest(portal, dir, workload, token);
  console.error(`portal: ingested in ${ingestMs.portal} ms`);
  return ingestMs;
}

function printFrontend(results: CatalogPageResult[]) {
  const rows = [
    [
      'system',
      'load',
      'rows shown ms',
      'JS bytes',
      'all bytes',
      'JS portal/stock',
      'rows portal/stock',
    ],
  ];
  const stock = results.find(r => r.label === 'stock');
  for (const result of results) {
    for (const load of ['cold', 'warm'] as const) {
      const samples = result[load];
      const rowsMs = samples.map(x => x.rowsShownMs);
      const js = samples.map(x => x.jsBytes);
      rows.push([
        result.label,
        load,
        summary(rowsMs),
        summary(js),
        summary(samples.map(x => x.totalBytes)),
        result.label === 'portal' && stock
          ? ratio(median(js), median(stock[load].map(x => x.jsBytes)))
          : '',
        result.label === 'portal' && stock
          ? ratio(median(rowsMs), median(stock[load].map(x => x.rowsShownMs)))
          : '',
      ]);
    }
  }
  printTable(rows);
}

async function measurePlugins(
  portal: System,
  dir: string,
  workload: WorkloadManifest,
  token: string,
) {
  const timings = await loadPluginData(portal.baseUrl, token, dir);
  const results = new Map<string, LoadRun[]>();
  for (const endpoint of pluginEndpoints(workload)) {
    const request: BenchRequest = {
      ...endpoint,
      body: endpoint.body && JSON.parse(endpoint.body),
    };
    const runs: LoadRun[] = [];
    for (let round = 1; round <= options.runs; round++) {
      const run = await runLoad({
        baseUrl: portal.baseUrl,
        token: portal.adminToken!,
        request,
        connections: 10,
        seconds: options.seconds,
      });
      runs.push(run);
      console.error(
        `  ${endpoint.name} round ${round}: ${Math.round(
          run.requestsPerSecond,
        )} req/s, P95 ${run.p95} ms, ${run.errors} errors`,
      );
    }
    results.set(endpoint.name, runs);
  }
  const scaffolder: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    scaffolder.push(
      await createService(
        portal.baseUrl,
        portal.userToken!,
        `perf-service-${Date.now()}-${i}`,
      ),
    );
  }
  return { timings, results, scaffolder };
}

async function cleanUp(systems: System[]) {
  for (const system of systems) {
    await Promise.all(system.children.map(stop));
  }
  for (const system of systems) {
    await dropDatabases(system.databasePrefix);
  }
}

async function main() {
  const token = crypto.randomBytes(24).toString('hex');
  const runId = Date.now();
  // PERF_SCALE (1) shrinks the workload for a quick trial of the harness;
  // figures are only meaningful at the full scale.
  const scale = Number(process.env.PERF_SCALE ?? 1);
  const dir = path.join(
    e2e.repoRoot,
    `.data/perf/workload${scale === 1 ? '' : `-${scale}`}`,
  );
  console.error('Generating the workload (reused when unchanged)...');
  const workload = await generateWorkload(dir, {
    ...DEFAULT_PARAMETERS,
    entities: Math.round(DEFAULT_PARAMETERS.entities * scale),
    slos: Math.round(DEFAULT_PARAMETERS.slos * scale),
    complianceEntities: Math.round(
      DEFAULT_PARAMETERS.complianceEntities * scale,
    ),
    costRows: Math.round(DEFAULT_PARAMETERS.costRows * scale),
  });
  if (!options.skip.has('stock')) {
    buildStock();
  }
  installBundle();
  const systems: System[] = [];
  // Ctrl-C or a kill stops the backends and drops the run's databases too.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`${signal}: stopping the backends`);
      cleanUp(systems).finally(() => process.exit(1));
    });
  }
  const targets: TargetCheck[] = [];
  try {
    const ingestMs = await startSystems(dir, workload, token, runId, systems);
    const portal = systems.find(s => s.name === 'portal')!;
    const stock = systems.find(s => s.name === 'stock');
    portal.userToken = await portalUserToken(portal.baseUrl, e2e.user.login);
    portal.adminToken = await portalUserToken(
      portal.baseUrl,
      e2e.roleUsers.platformAdmin.login,
    );
    if (stock) {
      stock.userToken = await stockUserToken(stock.baseUrl);
    }

    const catalog = options.skip.has('catalog')
      ? undefined
      : await measureCatalog(systems, workload);
    const frontend: CatalogPageResult[] = [];
    if (!options.skip.has('frontend')) {
      const runs = Math.max(3, options.runs);
      if (stock) {
        frontend.push(
          await measureCatalogPage({
            baseUrl: stock.baseUrl,
            signIn: guestSignIn,
            runs,
            label: 'stock',
            path: stockCatalogPath(),
          }),
        );
      }
      frontend.push(
        await measureCatalogPage({
          baseUrl: portal.baseUrl,
          signIn: portalSignIn(e2e.user.login),
          runs,
          label: 'portal',
        }),
      );
    }
    const plugins = options.skip.has('plugins')
      ? undefined
      : await measurePlugins(portal, dir, workload, token);

    console.log(
      '\n# Gogidix portal vs stock Backstage 1.55.0 (create-app 0.9.2)\n',
    );
    printSettings();
    if (stock) {
      console.log(
        `Stock permissions: ${JSON.stringify(stockPermissionSetup())}`,
      );
    }
    console.log(
      `Workload: ${workload.catalog.total} entities ${JSON.stringify(
        workload.catalog.counts,
      )}, ${workload.slo.count} SLOs, ${
        workload.compliance.entities
      } repositories with compliance facts, ${workload.cost.rows} FOCUS rows.`,
    );

    console.log(
      '\n## Ingest: from registering the workload until every entity is processed and stitched\n',
    );
    printTable([
      ['system', 'seconds', 'portal/stock'],
      ...(ingestMs.stock !== undefined
        ? [['stock', (ingestMs.stock / 1000).toFixed(1), '']]
        : []),
      [
        'portal',
        (ingestMs.portal! / 1000).toFixed(1),
        ratio(ingestMs.portal!, ingestMs.stock),
      ],
    ]);
    if (ingestMs.stock !== undefined) {
      targets.push({
        target: 'ingest <= 0.5x stock',
        measured: ratio(ingestMs.portal!, ingestMs.stock),
        met: ingestMs.portal! <= ingestMs.stock / 2,
      });
    }

    if (catalog) {
      console.log(
        '\n## Catalog reads, as a signed-in user (stock: guest; portal: a developer)\n',
      );
      printCatalog(catalog);
      const byName = catalog.get('entity by name @50')!.portal;
      const rps = median(byName.map(r => r.requestsPerSecond));
      const p99 = median(byName.map(r => r.p99));
      targets.push({
        target: 'entity by name >= 1667 req/s, P99 < 50 ms (50 connections)',
        measured: `${Math.round(rps)} req/s, P99 ${p99} ms`,
        met: rps >= 1667 && p99 < 50,
      });
      const list = catalog.get('list (20 rows) @50')!;
      const listRps = median(list.portal.map(r => r.requestsPerSecond));
      const listP99 = median(list.portal.map(r => r.p99));
      const stockListRps = list.stock.length
        ? median(list.stock.map(r => r.requestsPerSecond))
        : undefined;
      targets.push({
        target: 'list >= 2x stock req/s, P99 < 100 ms (50 connections)',
        measured: `${ratio(listRps, stockListRps)}, P99 ${listP99} ms`,
        met:
          stockListRps !== undefined &&
          listRps >= 2 * stockListRps &&
          listP99 < 100,
      });
    }

    if (frontend.length) {
      console.log(
        '\n## Catalog page in Chromium (production builds): cold = empty HTTP cache, warm = same context again\n',
      );
      printFrontend(frontend);
      const mine = frontend.find(r => r.label === 'portal')!;
      const theirs = frontend.find(r => r.label === 'stock');
      const cold = median(mine.cold.map(x => x.rowsShownMs));
      targets.push({
        target: 'catalog rows shown < 1.5 s cold',
        measured: `${cold} ms`,
        met: cold < 1500,
      });
      if (theirs) {
        const js =
          median(mine.cold.map(x => x.jsBytes)) /
          median(theirs.cold.map(x => x.jsBytes));
        targets.push({
          target: 'JS bytes (cold) <= 1.1x stock',
          measured: `${js.toFixed(2)}x`,
          met: js <= 1.1,
        });
      }
    }

    if (plugins) {
      console.log(
        `\n## Our plugins at ${workload.slo.count} entities (portal only; 10 connections; as a platform admin, who sees every team)\n`,
      );
      console.log(`Loading: ${JSON.stringify(plugins.timings)}`);
      const rows = [
        ['org page API', 'req/s', 'P50 ms', 'P95 ms', 'P99 ms', 'errors'],
      ];
      let worstP95 = 0;
      for (const [name, runs] of plugins.results) {
        const p95 = median(runs.map(r => r.p95));
        worstP95 = Math.max(worstP95, p95);
        rows.push([
          name,
          summary(runs.map(r => r.requestsPerSecond)),
          summary(runs.map(r => r.p50)),
          summary(runs.map(r => r.p95)),
          summary(runs.map(r => r.p99)),
          `${runs.reduce((n, r) => n + r.errors, 0)}/${runs.reduce(
            (n, r) => n + r.requests,
            0,
          )}`,
        ]);
      }
      printTable(rows);
      console.log(
        `\nScaffolder run end to end (TypeScript service, publish and register): ${summary(
          plugins.scaffolder,
          1,
        )} s`,
      );
      targets.push({
        target: 'org page APIs P95 < 300 ms',
        measured: `worst ${worstP95} ms`,
        met: worstP95 < 300,
      });
    }

    console.log('\n## Targets\n');
    printTargets(targets);
  } finally {
    await cleanUp(systems);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
