/**
 * The embedded default's observability loop (scripts/start.sh runs it):
 *
 *   main.ts prepare --dir D --services demo/services --exporter H:P --alertmanager H:P
 *                   [--history-days 30] [--interval 15]
 *     writes the Sloth rules, Prometheus and Alertmanager config and a
 *     backfilled Prometheus data directory into D;
 *   main.ts serve --dir D --services demo/services --listen H:P
 *     serves the demo services' live counters for Prometheus to scrape.
 */
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { readDemoSlos } from './demoSlos';
import { startExporter } from './exporter';
import { loopIncident } from './loopConfig';
import {
  demoCounters,
  LoopScenario,
  loopPaths,
  prepareLoop,
} from './loopFiles';
import { REQUEST_STEP } from './counters';

const DAY = 86400;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    dir: { type: 'string' },
    services: { type: 'string' },
    exporter: { type: 'string' },
    alertmanager: { type: 'string' },
    listen: { type: 'string' },
    'history-days': { type: 'string', default: '30' },
    interval: { type: 'string', default: '15' },
  },
});

function required(name: keyof typeof values): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') {
    throw new Error(
      `--${name} is required (see the usage at the top of main.ts)`,
    );
  }
  return value;
}

function hostPort(name: 'listen'): { host: string; port: number } {
  const [host, port] = required(name).split(':');
  if (!host || !/^\d+$/.test(port ?? '')) {
    throw new Error(`--${name} must be host:port, got ${values[name]}`);
  }
  return { host, port: Number(port) };
}

async function main() {
  const dir = path.resolve(required('dir'));
  const slos = readDemoSlos(path.resolve(required('services')));
  const [command] = positionals;

  if (command === 'prepare') {
    const started = Date.now();
    const now = Math.floor(Date.now() / 1000);
    const days = Number(values['history-days']);
    if (!(days >= 1)) throw new Error('--history-days must be at least 1');
    const incident = loopIncident(slos, now);
    const scenario: LoopScenario = {
      // A day more than the longest SLO period, so the period's first rate has a sample before it.
      historyStart:
        Math.floor((now - (days + 1) * DAY) / REQUEST_STEP) * REQUEST_STEP,
      backfilledTo: now,
      incidents: [incident],
    };
    const { samples } = await prepareLoop({
      dir,
      slos,
      addresses: {
        exporter: required('exporter'),
        alertmanager: required('alertmanager'),
      },
      scenario,
      intervalSeconds: Number(values.interval),
      promtool: process.env.PORTAL_PROMTOOL,
    });
    process.stdout.write(
      `Backfilled ${samples} samples of ${slos.length} demo SLOs (${
        days + 1
      } days) in ${(Date.now() - started) / 1000} s; playing an incident on ${
        incident.sloId
      } (${
        Math.round(incident.errorRatio * 1000) / 10
      }% failing) until ${new Date(incident.to * 1000).toISOString()}\n`,
    );
    return;
  }
  if (command === 'serve') {
    const scenario = JSON.parse(
      fs.readFileSync(loopPaths(dir).scenario, 'utf8'),
    ) as LoopScenario;
    const { host, port } = hostPort('listen');
    const exporter = await startExporter({
      counters: demoCounters(slos, scenario),
      host,
      port,
    });
    process.stdout.write(
      `Demo exporter serving http://${host}:${exporter.port}/metrics\n`,
    );
    const stop = () => exporter.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    return;
  }
  throw new Error(`Unknown command "${command ?? ''}": use prepare or serve`);
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
});
