import { runCommand } from '@gogidix/infra-validation';
import { ResolvedSlo } from '@gogidix/plugin-slo-common';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { DemoCounter } from './counters';
import { demoSloSeries } from './series';
import { backfillTexts } from './exposition';
import { DemoIncident } from './generator';
import {
  alertmanagerConfig,
  demoRuleFile,
  LoopAddresses,
  prometheusConfig,
} from './loopConfig';

/** What `prepare` decided and `serve` must continue: written to scenario.json. */
export interface LoopScenario {
  /** Unix seconds where every counter starts at zero. */
  historyStart: number;
  /** Unix seconds up to which Prometheus was backfilled. */
  backfilledTo: number;
  incidents: DemoIncident[];
}

export const loopPaths = (dir: string) => ({
  scenario: path.join(dir, 'scenario.json'),
  rules: path.join(dir, 'rules.yaml'),
  prometheusConfig: path.join(dir, 'prometheus.yml'),
  alertmanagerConfig: path.join(dir, 'alertmanager.yml'),
  backfill: path.join(dir, 'backfill.om'),
  prometheusData: path.join(dir, 'prometheus'),
  alertmanagerData: path.join(dir, 'alertmanager'),
});

export const demoCounters = (slos: ResolvedSlo[], scenario: LoopScenario) =>
  slos.map(
    slo =>
      new DemoCounter(
        demoSloSeries(slo),
        scenario.historyStart,
        scenario.incidents,
      ),
  );

/**
 * Writes everything the loop runs on into `dir` and checks it with
 * promtool: the Sloth rules, Prometheus's and Alertmanager's config, and a
 * Prometheus data directory backfilled with the demo history up to `now`.
 * The data directory is made afresh: the history is generated, not kept.
 */
export async function prepareLoop(options: {
  dir: string;
  slos: ResolvedSlo[];
  addresses: LoopAddresses;
  scenario: LoopScenario;
  intervalSeconds: number;
  promtool?: string;
}): Promise<{ samples: number }> {
  const promtool = options.promtool ?? 'promtool';
  const paths = loopPaths(options.dir);
  fs.mkdirSync(options.dir, { recursive: true });
  fs.rmSync(paths.prometheusData, { recursive: true, force: true });
  fs.mkdirSync(paths.prometheusData);
  fs.writeFileSync(paths.scenario, JSON.stringify(options.scenario, null, 2));
  fs.writeFileSync(
    paths.rules,
    `# Generated from the demo services' OpenSLO documents; do not edit.\n${stringify(
      demoRuleFile(options.slos),
    )}`,
  );
  fs.writeFileSync(
    paths.prometheusConfig,
    prometheusConfig({
      addresses: options.addresses,
      rulesFile: paths.rules,
      intervalSeconds: options.intervalSeconds,
    }),
  );
  fs.writeFileSync(paths.alertmanagerConfig, alertmanagerConfig());
  await runCommand(promtool, ['check', 'rules', paths.rules]);
  await runCommand(promtool, ['check', 'config', paths.prometheusConfig]);

  let samples = 0;
  for (const window of backfillTexts(
    demoCounters(options.slos, options.scenario),
    options.scenario.backfilledTo,
    86400,
  )) {
    fs.writeFileSync(paths.backfill, window.text);
    samples += window.samples;
    try {
      await runCommand(promtool, [
        'tsdb',
        'create-blocks-from',
        'openmetrics',
        '--quiet',
        paths.backfill,
        paths.prometheusData,
      ]);
    } finally {
      fs.rmSync(paths.backfill, { force: true });
    }
  }
  return { samples };
}
