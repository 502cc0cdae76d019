/* eslint-disable no-console */
// Prometheus queries per evaluation round (bench/slo/bench.ts, part 2): the
// batched SLI source against asking once per SLO, both against a real
// Prometheus backfilled by promtool with the demo observations.
import { ResolvedSlo } from '@gogidix/plugin-slo-common';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoObservations } from '../../packages/demo-observability/src/generator';
import { formatObservations } from '../../plugins/slo-backend/src/service/openMetrics';
import { PrometheusSliSource } from '../../plugins/slo-backend/src/service/PrometheusSliSource';

const PROMETHEUS_PORT = 7292;

export async function benchQueries(slos: ResolvedSlo[]) {
  const dir = mkdtempSync(join(tmpdir(), 'slo-bench-prom-'));
  const end = Math.floor(Date.now() / 1000 / 3600) * 3600 - 3600;
  writeFileSync(
    join(dir, 'history.om'),
    formatObservations(
      generateDemoObservations(slos, {
        from: end - 3 * 86400,
        to: end,
        stepSeconds: 300,
      }),
    ),
  );
  writeFileSync(
    join(dir, 'prometheus.yml'),
    'global:\n  scrape_interval: 1m\n',
  );
  execFileSync(
    'promtool',
    [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      '--max-block-duration=240h',
      join(dir, 'history.om'),
      join(dir, 'data'),
    ],
    { stdio: 'ignore' },
  );
  const prometheus = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      '--storage.tsdb.retention.time=90d',
      `--web.listen-address=127.0.0.1:${PROMETHEUS_PORT}`,
    ],
    { stdio: 'ignore' },
  );
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PROMETHEUS_PORT}/-/ready`)).ok)
          break;
      } catch {
        // starting
      }
      if (i > 120) throw new Error('prometheus did not start');
      await new Promise(r => setTimeout(r, 500));
    }
    let queries = 0;
    const source = new PrometheusSliSource({
      baseUrl: `http://127.0.0.1:${PROMETHEUS_PORT}`,
      timeoutMs: 300_000,
      fetch: (input, init) => {
        queries++;
        return fetch(input, init);
      },
    });
    const at = new Date(end * 1000);
    let start = Date.now();
    const batched = await source.errorRatios(slos, at);
    const batchedMs = Date.now() - start;
    const batchedQueries = queries;
    const measured = [...batched.values()].filter(
      r => typeof r['1h'] === 'number',
    ).length;

    queries = 0;
    start = Date.now();
    for (const s of slos) await source.errorRatios([s], at);
    const perSloMs = Date.now() - start;
    console.log(
      `Prometheus queries per evaluation round, ${slos.length} SLOs (8 windows: 7 burn-rate + 30d period):`,
    );
    console.log(
      `  batched: ${batchedQueries} queries, ${batchedMs} ms (${measured} SLOs with a 1h value)`,
    );
    console.log(
      `  one query per SLO and window: ${queries} queries, ${perSloMs} ms`,
    );
  } finally {
    prometheus.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
