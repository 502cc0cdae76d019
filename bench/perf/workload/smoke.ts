/* eslint-disable no-console */
// End-to-end check of the workload on the production portal, once:
// generate (or reuse), start the portal on PostgreSQL with
// app-config.workload.yaml, register the catalog, wait for it, load the
// plugins' data, and ask every plugin endpoint for 200 and data. Prints
// the timings. Not the benchmark: bench/perf/run.sh is.
//
//   BENCH_PORT=7310 E2E_OIDC_PORT=7311 E2E_ALERTMANAGER_PORT=7312 \
//   node --require @backstage/cli/config/nodeTransform.cjs \
//     bench/perf/workload/smoke.ts [workload-dir]
//
// Needs `yarn tsc && yarn build:all` first.
import { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { alertmanagerUrl, e2e } from '../../../e2e/support/environment';
import {
  answers,
  dropDatabases,
  installBundle,
  startAlertmanager,
  startBackend,
  startOidcProvider,
  stop,
  waitFor,
} from '../../../e2e/support/portal';
import { generateWorkload } from './generate';
import { stringify } from 'yaml';
import {
  loadPluginData,
  prepareCatalog,
  pluginEndpoints,
  registerCatalog,
  waitUntilIngested,
} from './load';

const port = Number(process.env.BENCH_PORT ?? 7310);
const base = `http://localhost:${port}`;
const dir = path.resolve(
  process.argv[2] ?? path.join(e2e.repoRoot, '.data/perf/workload'),
);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** How much data an org page answered with, to tell "200 but empty" apart. */
function rowsIn(body: Record<string, unknown>): number {
  for (const key of ['slos', 'entities', 'systems', 'recommendations']) {
    const value = body[key];
    if (Array.isArray(value) && value.length) return value.length;
  }
  return 0;
}

async function main() {
  const t = Date.now();
  const workload = await generateWorkload(dir);
  console.log(`generate (or reuse): ${seconds(Date.now() - t)}`);

  installBundle();
  const prefix = `pwork_${Date.now()}_`;
  const token = crypto.randomBytes(24).toString('hex');
  const children: ChildProcess[] = [];
  try {
    children.push(startOidcProvider());
    children.push(startAlertmanager());
    await waitFor(
      'Alertmanager',
      answers(`${alertmanagerUrl}/-/ready`),
      30_000,
    );
    // The catalog's locations are bench/perf's to set; here, the e2e
    // config's and the workload's registration file.
    const catalogSettings = path.join(dir, '..', 'smoke-catalog.yaml');
    fs.writeFileSync(
      catalogSettings,
      stringify({
        // PostgreSQL is shared on this machine (100 connections): small pools.
        backend: {
          database: {
            knexConfig: { pool: { min: 0, max: 2, idleTimeoutMillis: 5000 } },
            plugin: { catalog: { knexConfig: { pool: { min: 0, max: 6 } } } },
          },
        },
        catalog: {
          locations: [
            {
              type: 'file',
              target: path.join(e2e.repoRoot, 'demo/org/groups.yaml'),
            },
            {
              type: 'file',
              target: path.join(e2e.repoRoot, 'demo/org/users.yaml'),
            },
            prepareCatalog(dir),
          ],
        },
      }),
    );
    const backend = startBackend(prefix, {
      name: 'perf-workload',
      port,
      configFiles: [
        path.join(e2e.repoRoot, 'bench/load/app-config.bench.yaml'),
        path.join(__dirname, 'app-config.workload.yaml'),
        catalogSettings,
      ],
      env: { BENCH_TOKEN: token },
    });
    children.push(backend);
    await waitFor(
      'The portal becoming ready',
      answers(`${base}/.backstage/health/v1/readiness`),
      240_000,
      backend,
    );

    const { registeredAt } = await registerCatalog(base, token, dir);
    const ingest = await waitUntilIngested(base, token, workload, 30 * 60_000);
    console.log(
      `catalog ingest (registration to processed and stitched): ${seconds(
        Date.now() - registeredAt,
      )}, ${ingest.polls} polls, ${JSON.stringify(ingest.counts)}`,
    );

    const timings = await loadPluginData(base, token, dir);
    console.log(
      `cost import of ${workload.cost.rows} rows: ${seconds(
        timings.costMs,
      )} (${timings.costImports
        .map(i => `${path.basename(i.file)} ${seconds(i.ms)}`)
        .join(', ')})`,
    );
    console.log(
      `Trivy uploads (${workload.compliance.entities}): ${seconds(
        timings.trivyUploadsMs,
      )}`,
    );
    console.log(
      `SLO (trigger to ${workload.slo.count} evaluated): ${seconds(
        timings.sloMs,
      )}`,
    );
    console.log(
      `compliance round (trigger to scored): ${seconds(timings.complianceMs)}`,
    );

    for (const endpoint of pluginEndpoints(workload)) {
      const started = Date.now();
      const response = await fetch(`${base}${endpoint.path}`, {
        method: endpoint.method,
        headers: { authorization: `Bearer ${token}` },
      });
      const text = await response.text();
      const rows = response.ok ? rowsIn(JSON.parse(text)) : 0;
      console.log(
        `${endpoint.name}: HTTP ${response.status}, ${rows} rows, ${(
          text.length / 1024
        ).toFixed(0)} KiB, ${Date.now() - started} ms`,
      );
      // Savings come from OpenCost allocations, which the workload has none of.
      if (!response.ok || (rows === 0 && !endpoint.path.includes('/savings')))
        process.exitCode = 1;
    }
  } finally {
    await Promise.all(children.map(stop));
    await dropDatabases(prefix);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
