// bench/perf/run.sh: the portal and stock Backstage of the same release, side
// by side on PostgreSQL with the same generated workload. See
// bench/perf/README.md for what is measured and how to read the output.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { installBundle } from '../../e2e/support/portal';
import { e2e } from '../../e2e/support/environment';
import { CatalogPageResult, measureCatalogPage } from './frontend/measure';
import { guestSignIn, portalSignIn } from './frontend/signIn';
import { LoadResults, measureCatalog, printCatalog } from './lib/catalogReads';
import { mib, MemoryReading, readMemory } from './lib/memory';
import { measureReplicas, printReplicas } from './lib/replicas';
import { errorsOutOf } from './lib/load';
import { measurePlugins } from './lib/pluginPages';
import { printTable, printTargets, ratio, TargetCheck } from './lib/report';
import { median, summary } from './lib/stats';
import { printFrontend, printSettings } from './lib/settingsReport';
import { cleanUp, startSystems } from './lib/systems';
import { portalUserToken, stockUserToken } from './lib/userToken';
import { options, System } from './options';
import {
  buildStock,
  stockCatalogPath,
  stockPermissionSetup,
} from './stock/stock';
import { generateWorkload } from './workload/generate';
import { loadPluginData } from './workload/load';
import { DEFAULT_PARAMETERS } from './workload/organisation';

/**
 * PERF_HOLD=1: once the workload is ingested, keep the systems running for
 * profiling by hand, until Ctrl-C. Their addresses and tokens go to a file
 * only its owner can read, not to the terminal.
 */
async function hold(systems: System[], token: string) {
  const file = path.join(e2e.repoRoot, '.data/perf/hold.json');
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        staticToken: token,
        systems: systems.map(s => ({
          name: s.name,
          baseUrl: s.baseUrl,
          userToken: s.userToken,
          adminToken: s.adminToken,
        })),
      },
      null,
      2,
    ),
    { mode: 0o600 },
  );
  console.error(
    `Holding: ${systems
      .map(s => `${s.name} at ${s.baseUrl}`)
      .join(
        ', ',
      )}; tokens in ${file}. Ctrl-C stops them and drops their databases.`,
  );
  await new Promise(() => {});
}

/**
 * Each backend's resident memory right after ingest and at the end (after
 * the reads, the page loads and, for the portal, our plugins' data and
 * pages), with the most it held until then.
 */
function printMemory(
  systems: System[],
  afterIngest: Map<string, MemoryReading | undefined>,
  atEnd: Map<string, MemoryReading | undefined>,
) {
  console.log(
    '\n## Backend memory (MiB; resident now, and the most held since start)\n',
  );
  const stockEnd = atEnd.get('stock');
  const stockIngest = afterIngest.get('stock');
  const cell = (m: MemoryReading | undefined) =>
    m ? `${mib(m.rssBytes)} (peak ${mib(m.peakBytes)})` : 'n/a';
  printTable([
    ['system', 'after ingest', 'at the end', 'peak portal/stock'],
    ...systems.map(s => {
      const end = atEnd.get(s.name);
      return [
        s.name,
        cell(afterIngest.get(s.name)),
        cell(end),
        s.name === 'portal' && end
          ? ratio(end.peakBytes, stockEnd?.peakBytes)
          : '',
      ];
    }),
  ]);
  const portalIngest = afterIngest.get('portal');
  if (portalIngest && stockIngest) {
    console.log(
      `\nPeak during ingest, portal/stock: ${ratio(
        portalIngest.peakBytes,
        stockIngest.peakBytes,
      )}`,
    );
  }
}

/** A catalog read at 50 connections: at least 2x stock's req/s, P99 < 100 ms. */
function twiceStock(catalog: LoadResults, request: string): TargetCheck {
  const { portal, stock } = catalog.get(`${request} @50`)!;
  const rps = median(portal.map(r => r.requestsPerSecond));
  const p99 = median(portal.map(r => r.p99));
  const stockRps = stock.length
    ? median(stock.map(r => r.requestsPerSecond))
    : undefined;
  return {
    target: `${request} >= 2x stock req/s, P99 < 100 ms (50 connections)`,
    measured: `${ratio(rps, stockRps)}, P99 ${p99} ms`,
    met: stockRps !== undefined && rps >= 2 * stockRps && p99 < 100,
  };
}

async function main() {
  const token = crypto.randomBytes(24).toString('hex');
  const runId = Date.now();
  // PERF_SCALE (1) scales the workload: 5 is the 50,000-entity form, 0.1 a
  // quick trial of the harness whose figures mean nothing.
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
    const memoryAfterIngest = new Map(
      systems.map(s => [s.name, readMemory(s.backend?.pid)]),
    );
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
    // Our plugins' one-off work on a new workload (importing 1M FOCUS rows,
    // the first SLO round over 1,000 new SLOs with its back-filled history,
    // the first compliance round) is done before anything is measured, so
    // that the portal is measured in its steady state, as stock is. Left
    // out (PERF_SKIP=plugins), the SLO plugin starts that round by itself
    // within a minute of ingest, during the catalog reads.
    const pluginData = options.skip.has('plugins')
      ? undefined
      : await loadPluginData(
          portal.baseUrl,
          token,
          portal.adminToken,
          dir,
          // 15 minutes at the default scale; the work grows with the rows.
          15 * 60_000 * Math.max(1, scale),
        );
    if (process.env.PERF_HOLD) {
      await hold(systems, token);
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
    const plugins = pluginData
      ? await measurePlugins(portal, workload, pluginData)
      : undefined;

    const memoryAtEnd = new Map(
      systems.map(s => [s.name, readMemory(s.backend?.pid)]),
    );
    // Last: it replaces the portal's backend with two replicas.
    const replicas = options.skip.has('replicas')
      ? undefined
      : await measureReplicas(portal, workload, token, runId);

    console.log(
      '\n# Gogidix portal vs stock Backstage 1.55.0 (create-app 0.9.2)\n',
    );
    await printSettings();
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
      targets.push(
        twiceStock(catalog, 'list (20 rows)'),
        twiceStock(catalog, 'facets'),
      );
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
          target: 'JS bytes (cold) no more than stock',
          measured: `${js.toFixed(2)}x`,
          met: js <= 1,
        });
        const warm = median(mine.warm.map(x => x.rowsShownMs));
        const stockWarm = median(theirs.warm.map(x => x.rowsShownMs));
        targets.push({
          target: 'catalog rows shown warm no slower than stock',
          measured: `${warm} ms, ${ratio(warm, stockWarm)} stock`,
          met: warm <= stockWarm,
        });
      }
    }

    if (plugins) {
      console.log(
        `\n## Our plugins with ${workload.slo.count} SLOs and ${workload.compliance.entities} repositories (portal only; 10 connections; as a platform admin, who sees every team)\n`,
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
          errorsOutOf(runs),
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

    printMemory(systems, memoryAfterIngest, memoryAtEnd);

    if (replicas) {
      const byName = printReplicas(replicas, catalog);
      targets.push({
        target:
          'entity by name on two replicas (Redis) >= 1667 req/s, P99 < 50 ms',
        measured: `${Math.round(byName.rps)} req/s, P99 ${byName.p99} ms`,
        met: byName.rps >= 1667 && byName.p99 < 50,
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
