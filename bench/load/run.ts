// See run.sh. Starts the production portal (bundle, PostgreSQL, demo
// organisation), then runs autocannon at a fixed rate against each endpoint
// in turn, `runs` rounds, and prints the median and spread per endpoint.
import autocannon from 'autocannon';
import { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import { alertmanagerUrl, e2e } from '../../e2e/support/environment';
import {
  answers,
  dropDatabases,
  installBundle,
  startAlertmanager,
  startBackend,
  startOidcProvider,
  stop,
  waitFor,
} from '../../e2e/support/portal';

const runs = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 20);
const rate = Number(process.argv[4] ?? 200);
const port = Number(process.env.BENCH_PORT ?? 7146);
const base = `http://localhost:${port}`;
const token = crypto.randomBytes(24).toString('hex');

/** The baseline first: the backend's readiness check, no database read. */
const ENDPOINTS: Record<string, string> = {
  baseline: '/.backstage/health/v1/readiness',
  'catalog entity by name':
    '/api/catalog/entities/by-name/component/default/api-gateway',
  'catalog list (by-query, 20)': '/api/catalog/entities/by-query?limit=20',
  'catalog facets': '/api/catalog/entity-facets?facet=kind&facet=spec.owner',
  'SLO summary': '/api/slo/summary',
  'cost team page': '/api/cost/overview?days=30&team=listings',
  'on-call alerts': '/api/oncall/alerts',
  'on-call runbooks':
    '/api/oncall/entities/component/default/api-gateway/runbooks',
};

interface Run {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  requests: number;
}

function measure(url: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    // overallRate is autocannon's, though its bundled types lack it.
    const options: autocannon.Options & { overallRate: number } = {
      url,
      connections: 10,
      overallRate: rate,
      duration: seconds,
      timeout: 10,
      headers: { authorization: `Bearer ${token}` },
    };
    autocannon(options, (error: Error | null, result: any) => {
      if (error) {
        reject(error);
        return;
      }
      resolve({
        p50: result.latency.p50,
        p99: result.latency.p99,
        rps: result.requests.average,
        errors: result.errors + result.timeouts + result.non2xx,
        requests: result.requests.total,
      });
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const spread = (xs: number[]) => `${Math.min(...xs)}-${Math.max(...xs)}`;

async function main() {
  installBundle();
  const prefix = `bench_load_${Date.now()}_`;
  const children: ChildProcess[] = [];
  try {
    children.push(startOidcProvider());
    const alertmanager = startAlertmanager();
    children.push(alertmanager);
    await waitFor(
      'Alertmanager',
      answers(`${alertmanagerUrl}/-/ready`),
      30_000,
    );
    const backend = startBackend(prefix, {
      name: 'bench-load',
      port,
      configFiles: [`${e2e.repoRoot}/bench/load/app-config.bench.yaml`],
      env: { BENCH_TOKEN: token },
    });
    children.push(backend);
    await waitFor(
      'The portal becoming ready',
      answers(`${base}/.backstage/health/v1/readiness`),
      180_000,
      backend,
    );
    // Every endpoint answers 200 with data before anything is measured.
    for (const [name, path] of Object.entries(ENDPOINTS)) {
      await waitFor(
        `${name} answering`,
        async () =>
          (
            await fetch(`${base}${path}`, {
              headers: { authorization: `Bearer ${token}` },
            })
          ).ok,
        180_000,
        backend,
      );
    }
    const unauthenticated = await fetch(`${base}${ENDPOINTS['SLO summary']}`);
    if (unauthenticated.status !== 401) {
      throw new Error(
        `Without a token the portal answered ${unauthenticated.status}, not 401`,
      );
    }

    const results = new Map<string, Run[]>();
    for (let round = 1; round <= runs; round++) {
      for (const [name, path] of Object.entries(ENDPOINTS)) {
        const run = await measure(`${base}${path}`);
        results.set(name, [...(results.get(name) ?? []), run]);
        console.error(
          `round ${round}/${runs} ${name}: P50 ${run.p50} ms, P99 ${run.p99} ms, ${run.rps} req/s, ${run.errors} errors`,
        );
      }
    }

    const baseline = results.get('baseline')!;
    const baseP50 = median(baseline.map(r => r.p50));
    const baseP99 = median(baseline.map(r => r.p99));
    console.log(
      `\n${runs} runs of ${seconds} s at ${rate} req/s (10 connections) per endpoint; median (min-max)\n`,
    );
    console.log(
      [
        'endpoint'.padEnd(30),
        'P50 ms'.padEnd(14),
        'P99 ms'.padEnd(16),
        'req/s'.padEnd(16),
        'errors'.padEnd(8),
        'P50 x base',
        'P99 x base',
      ].join(' '),
    );
    for (const [name, rs] of results) {
      const p50 = rs.map(r => r.p50);
      const p99 = rs.map(r => r.p99);
      const rps = rs.map(r => r.rps);
      const errors = rs.reduce((n, r) => n + r.errors, 0);
      const requests = rs.reduce((n, r) => n + r.requests, 0);
      console.log(
        [
          name.padEnd(30),
          `${median(p50)} (${spread(p50)})`.padEnd(14),
          `${median(p99)} (${spread(p99)})`.padEnd(16),
          `${median(rps)} (${spread(rps)})`.padEnd(16),
          `${errors}/${requests}`.padEnd(8),
          (median(p50) / baseP50).toFixed(1).padStart(10),
          (median(p99) / baseP99).toFixed(1).padStart(10),
        ].join(' '),
      );
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
