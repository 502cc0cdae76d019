import { ServerProcess, startServerProcess } from '@gogidix/infra-validation';
import { errorRatioQuery, ResolvedSlo } from '@gogidix/plugin-slo-common';
import { eventually } from '@gogidix/test-kit';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REQUEST_STEP } from './counters';
import { readDemoSlos } from './demoSlos';
import { RunningExporter, startExporter } from './exporter';
import { generateDemoObservations } from './generator';
import { alertmanagerConfig, burnAlerts, loopIncident } from './loopConfig';
import {
  demoCounters,
  LoopScenario,
  loopPaths,
  prepareLoop,
} from './loopFiles';

const PROMETHEUS = process.env.PORTAL_PROMETHEUS ?? 'prometheus';
const ALERTMANAGER =
  process.env.PORTAL_ALERTMANAGER ?? 'prometheus-alertmanager';
/** exporter-toolkit's line naming the port the kernel gave (both binaries). */
const LISTENING = /msg="Listening on" address=127\.0\.0\.1:(\d+)/;
const HOUR = 3600;

interface AlertmanagerAlert {
  labels: Record<string, string>;
  status: { state: string };
}

/**
 * The whole loop on this machine, as scripts/observability-loop.sh runs it
 * but on ports the kernel picks, with two days of history and one-second
 * scrapes and rule evaluations.
 */
describe('the local observability loop', () => {
  const slos = readDemoSlos(path.join(__dirname, '../../../demo/services'));
  const now = Math.floor(Date.now() / 1000);
  const incident = loopIncident(slos, now);
  const burning = slos.find(s => s.id === incident.sloId)!;
  const scenario: LoopScenario = {
    historyStart:
      Math.floor((now - 2 * 24 * HOUR) / REQUEST_STEP) * REQUEST_STEP,
    backfilledTo: now,
    incidents: [incident],
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'observability-loop-'));
  let exporter: RunningExporter | undefined;
  let alertmanager: ServerProcess | undefined;
  let prometheus: ServerProcess | undefined;
  let prometheusUrl = '';
  let alertmanagerUrl = '';

  beforeAll(async () => {
    exporter = await startExporter({
      counters: demoCounters(slos, scenario),
      host: '127.0.0.1',
      port: 0,
    });
    const paths = loopPaths(dir);
    // Alertmanager first: Prometheus's config names its port.
    fs.mkdirSync(paths.alertmanagerData, { recursive: true });
    fs.writeFileSync(paths.alertmanagerConfig, alertmanagerConfig());
    alertmanager = await startServerProcess(
      ALERTMANAGER,
      [
        `--config.file=${paths.alertmanagerConfig}`,
        `--storage.path=${paths.alertmanagerData}`,
        '--web.listen-address=127.0.0.1:0',
        '--cluster.listen-address=',
      ],
      { listening: LISTENING },
    );
    alertmanagerUrl = `http://127.0.0.1:${alertmanager.port}`;
    await prepareLoop({
      dir,
      slos,
      addresses: {
        exporter: `127.0.0.1:${exporter.port}`,
        alertmanager: `127.0.0.1:${alertmanager.port}`,
      },
      scenario,
      intervalSeconds: 1,
      promtool: process.env.PORTAL_PROMTOOL,
    });
    prometheus = await startServerProcess(
      PROMETHEUS,
      [
        `--config.file=${paths.prometheusConfig}`,
        `--storage.tsdb.path=${paths.prometheusData}`,
        '--storage.tsdb.retention.time=60d',
        '--web.listen-address=127.0.0.1:0',
        // Alerts that fire before Prometheus has discovered Alertmanager
        // (its discovery settles in ~5 s) are dropped, and a firing alert
        // is sent again only after this delay (1m by default).
        '--rules.alert.resend-delay=1s',
      ],
      { listening: LISTENING },
    );
    prometheusUrl = `http://127.0.0.1:${prometheus.port}`;
    await eventually(async () => (await fetch(`${prometheusUrl}/-/ready`)).ok, {
      what: 'Prometheus answering /-/ready',
      timeoutMs: 60_000,
    });
    // Sized for the work, not for flakiness: two days of history through
    // promtool and three servers take about 90 s on a loaded 2-core machine.
  }, 240_000);

  afterAll(async () => {
    await prometheus?.stop();
    await alertmanager?.stop();
    await exporter?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function query(expr: string, at: number): Promise<number> {
    const response = await fetch(`${prometheusUrl}/api/v1/query`, {
      method: 'POST',
      body: new URLSearchParams({ query: expr, time: String(at) }),
    });
    const body = await response.json();
    if (body.status !== 'success' || body.data.result.length !== 1) {
      throw new Error(`${expr} at ${at}: ${JSON.stringify(body)}`);
    }
    return Number(body.data.result[0].value[1]);
  }

  /** The error ratio of the hour ending at `at`, from the generator alone. */
  function generatedHour(slo: ResolvedSlo, at: number): number {
    const hour = generateDemoObservations([slo], {
      from: at - HOUR,
      to: at,
      stepSeconds: REQUEST_STEP,
    });
    const first = hour[0];
    const last = hour[hour.length - 1];
    return 1 - (last.good - first.good) / (last.total - first.total);
  }

  it('serves the backfilled history as the SLO documents query it', async () => {
    // An hour a day back, before the played incident.
    const at = Math.floor((now - 24 * HOUR) / HOUR) * HOUR;
    const requests = slos.find(s => s.id === 'api-gateway-availability')!;
    const slices = slos.find(s => s.id === 'feature-store-latency')!;
    const checks = [
      { slo: requests, window: '1h' },
      // A timeslice window of exactly the hour's 60 slices: the subquery
      // takes both ends of its range.
      { slo: slices, window: '3540s' },
    ];
    const problems: string[] = [];
    for (const { slo, window } of checks) {
      const served = await query(errorRatioQuery(slo, window), at);
      const expected = generatedHour(slo, at);
      if (Math.abs(served - expected) > 1e-12) {
        problems.push(`${slo.id}: Prometheus ${served}, generator ${expected}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('pages for the burning SLO through Alertmanager, from the Sloth rules', async () => {
    const page = burnAlerts(burning).find(a => a.severity === 'page')!;
    const filter = new URLSearchParams([
      ['filter', `alertname="${page.alert}"`],
      ['filter', 'severity="page"'],
      ['filter', `service="${burning.service}"`],
    ]);
    const alerts = await eventually(
      async () => {
        const response = await fetch(
          `${alertmanagerUrl}/api/v2/alerts?${filter}`,
        );
        const body = (await response.json()) as AlertmanagerAlert[];
        return body.some(a => a.status.state === 'active') && body;
      },
      { what: `the ${page.alert} page in Alertmanager`, timeoutMs: 60_000 },
    ).catch(async error => {
      // What the page's windows read now, and the burning SLO's own rules.
      const windows = await Promise.all(
        ['5m', '30m', '1h', '6h'].map(async w => {
          const expr = `slo:sli_error:ratio_rate${w}{sloth_id="${burning.id}"}`;
          const body = await fetch(
            `${prometheusUrl}/api/v1/query?${new URLSearchParams({
              query: expr,
            })}`,
          )
            .then(r => r.text())
            .catch(e => String(e));
          return `${w}: ${body}`;
        }),
      );
      const rules = await fetch(`${prometheusUrl}/api/v1/rules?type=alert`)
        .then(r => r.json())
        .then(body =>
          JSON.stringify(
            body.data.groups.filter((g: { name: string }) =>
              g.name.includes(burning.id),
            ),
          ),
        )
        .catch(e => String(e));
      const delivered = await fetch(`${alertmanagerUrl}/api/v2/alerts`)
        .then(r => r.text())
        .catch(e => String(e));
      const notifications = await fetch(`${prometheusUrl}/metrics`)
        .then(r => r.text())
        .then(text =>
          text
            .split('\n')
            .filter(line => line.startsWith('prometheus_notifications_'))
            .join('\n'),
        )
        .catch(e => String(e));
      throw new Error(
        `${error.message}\nAlertmanager holds: ${delivered.slice(
          0,
          2000,
        )}\nPrometheus's notifier: ${notifications}\nError ratios of ${
          burning.id
        } now:\n${windows.join('\n')}\nIts alert rules: ${rules.slice(
          0,
          4000,
        )}\nPrometheus output:\n${prometheus?.output().slice(-2000)}`,
      );
    });
    expect(alerts[0].labels).toMatchObject({
      alertname: page.alert,
      severity: 'page',
      service: burning.service,
      sloth_slo: burning.name,
    });
  });
});
