import { mockServices } from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  evaluateSlo,
  parseOpenSloDocuments,
  WindowErrorRatios,
} from '@gogidix/plugin-slo-common';
import {
  runCommand,
  ServerProcess,
  startServerProcess,
} from '@gogidix/infra-validation';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSloStore } from '../database/DatabaseSloStore';
import { SliObservation } from '../database/SloStore';
import { ratioSlo } from '../__testUtils__/fixtures';
import { eventually, portalTestDatabases } from '@gogidix/test-kit';
import { formatObservations, parseObservations } from './openMetrics';
import { PrometheusSliSource } from './PrometheusSliSource';
import { StoredObservationSource } from './StoredObservationSource';

// A real Prometheus (Debian's package, installed by bootstrap_prometheus),
// backfilled with promtool from the same OpenMetrics text the demo ingests.
const PROMETHEUS = process.env.PORTAL_PROMETHEUS ?? 'prometheus';
const PROMTOOL = process.env.PORTAL_PROMTOOL ?? 'promtool';
// How Prometheus (exporter-toolkit) logs the port it was given by the kernel.
const LISTENING = /msg="Listening on" address=127\.0\.0\.1:(\d+)/;

const STEP = 60;
const DAYS = 31;
const INCIDENT_MINUTES = 60;
const end = Math.floor(Date.now() / 1000 / 3600) * 3600 - 3600;

/**
 * 1,000 events a minute for 31 days: 1 bad event a minute (0.1%), then an
 * incident in the last hour with 50 bad a minute (5%). With a 99.9% target
 * the figures below follow by hand.
 */
function knownHistory(sloId: string): SliObservation[] {
  const out: SliObservation[] = [];
  let good = 0;
  let total = 0;
  for (let ts = end - DAYS * 86400; ts <= end; ts += STEP) {
    const incident = ts > end - INCIDENT_MINUTES * 60;
    total += 1000;
    good += incident ? 950 : 999;
    out.push({ sloId, ts, good, total });
  }
  return out;
}

const slo = ratioSlo('listings-service', 'availability', 0.999);
const silent = ratioSlo('silent-service', 'availability', 0.999);

// Error ratios by hand: windows inside the incident see 5%; the 2h window
// half of it; 30 days 43,140 minutes at 0.1% plus 60 at 5%.
const expected: Record<string, number> = {
  '5m': 0.05,
  '30m': 0.05,
  '1h': 0.05,
  '2h': (60 * 50 + 60 * 1) / (120 * 1000),
  '6h': (60 * 50 + 300 * 1) / (360 * 1000),
  '1d': (60 * 50 + 1380 * 1) / (1440 * 1000),
  '3d': (60 * 50 + 4260 * 1) / (4320 * 1000),
  period: (60 * 50 + 43140 * 1) / (43200 * 1000),
};

function expectClose(ratios: WindowErrorRatios | undefined) {
  for (const [window, value] of Object.entries(expected)) {
    const actual = ratios?.[window as keyof WindowErrorRatios];
    expect({
      window,
      actual:
        typeof actual === 'number'
          ? Number((actual / value).toFixed(2))
          : actual,
    }).toEqual({
      window,
      actual: 1,
    });
  }
}

/** Listening comes before ready (the TSDB opens the backfilled blocks). */
async function waitReady(server: ServerProcess) {
  await eventually(
    async () => (await fetch(`http://127.0.0.1:${server.port}/-/ready`)).ok,
    {
      what: 'Prometheus answering /-/ready',
      timeoutMs: 60_000,
      intervalMs: 500,
    },
  ).catch(() => {
    throw new Error(
      `prometheus listened but /-/ready never answered OK:\n${server.output()}`,
    );
  });
}

describe('PrometheusSliSource against a real Prometheus', () => {
  const databases = portalTestDatabases();
  let dir: string;
  let prometheus: ServerProcess | undefined;
  let baseUrl: string;
  const openMetrics = formatObservations(knownHistory(slo.id));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slo-prometheus-'));
    writeFileSync(join(dir, 'history.om'), openMetrics);
    writeFileSync(
      join(dir, 'prometheus.yml'),
      'global:\n  scrape_interval: 1m\n',
    );
    await runCommand(PROMTOOL, [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      // Few large blocks instead of one per 2 hours: much faster to write.
      '--max-block-duration=240h',
      join(dir, 'history.om'),
      join(dir, 'data'),
    ]);
    prometheus = await startServerProcess(
      PROMETHEUS,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        '--storage.tsdb.retention.time=90d',
        '--web.listen-address=127.0.0.1:0',
      ],
      { listening: LISTENING },
    );
    baseUrl = `http://127.0.0.1:${prometheus.port}`;
    await waitReady(prometheus);
  }, 120_000);

  afterAll(async () => {
    await prometheus?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('computes the known SLI, budget and burn rates, in one query per window', async () => {
    let queries = 0;
    const source = new PrometheusSliSource({
      baseUrl: baseUrl,
      timeoutMs: 30_000,
      fetch: (input, init) => {
        queries++;
        return fetch(input, init);
      },
    });
    const at = new Date(end * 1000);
    const ratios = await source.errorRatios([slo, silent], at);
    expectClose(ratios.get(slo.id));
    // 7 burn-rate windows + one 30d period shared by both SLOs.
    expect(queries).toBe(8);

    const evaluation = evaluateSlo(slo, ratios.get(slo.id)!, at);
    expect(evaluation.sli).toBeCloseTo(1 - expected.period, 5);
    expect(evaluation.budget.remaining).toBeCloseTo(
      1 - expected.period / 0.001,
      1,
    );
    expect(evaluation.status).toBe('exhausted');
    expect(evaluation.alert.state).toBe('page');

    // No series at all is missing data, never 100%.
    const nothing = evaluateSlo(silent, ratios.get(silent.id)!, at);
    expect(nothing.sli).toBe('missing');
    expect(nothing.alert.state).toBe('none');
  });

  it('reads a counter: true SLO with plain counter queries (OpenSLO as written) the same way', async () => {
    const { slos, problems } = parseOpenSloDocuments(
      `apiVersion: openslo/v1
kind: SLO
metadata:
  name: availability-counters
spec:
  service: listings-service
  indicator:
    metadata:
      name: listings-events
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: slo_good_events_total{slo_id="${slo.id}"}
        total:
          metricSource:
            type: prometheus
            spec:
              query: sum(slo_events_total{slo_id="${slo.id}"})
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
`,
      'test',
    );
    expect(problems).toEqual([]);
    const source = new PrometheusSliSource({ baseUrl, timeoutMs: 30_000 });
    const ratios = await source.errorRatios(slos, new Date(end * 1000));
    expectClose(ratios.get(slos[0].id));
  });

  it('agrees with the stored observations the demo path computes from the same text', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseSloStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    await store.insertObservations(parseObservations(openMetrics));
    const ratios = await new StoredObservationSource(store, 3600).errorRatios(
      [slo, silent],
      new Date(end * 1000),
    );
    expectClose(ratios.get(slo.id));
    expect(ratios.get(silent.id)?.period).toBe('missing');
  });

  it('reports an unreachable Prometheus as unavailable', async () => {
    // A port that was just free, rather than one assumed to be.
    const closed = createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise(resolve => closed.close(resolve));
    const source = new PrometheusSliSource({
      baseUrl: `http://127.0.0.1:${port}`,
      timeoutMs: 2000,
    });
    await expect(
      source.errorRatios([slo], new Date(end * 1000)),
    ).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});
