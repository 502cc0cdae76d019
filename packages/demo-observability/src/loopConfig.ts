import {
  generateSlothRules,
  PrometheusAlertingRule,
  PrometheusRuleFile,
  ResolvedSlo,
} from '@gogidix/plugin-slo-common';
import { stringify } from 'yaml';
import { DemoIncident, generateDemoObservations } from './generator';

/** Where the loop's processes listen (`host:port`). */
export interface LoopAddresses {
  exporter: string;
  alertmanager: string;
}

/**
 * The Sloth rules of every demo SLO, from the generator production uses.
 * The `service` label names the catalog component on every alert: the
 * label the on-call pages match alerts to services by.
 */
export function demoRuleFile(slos: ResolvedSlo[]): PrometheusRuleFile {
  return {
    groups: slos.flatMap(
      slo =>
        generateSlothRules(slo, {
          service: slo.service,
          labels: { service: slo.service },
        }).groups,
    ),
  };
}

/** The burn alerts the rules define for one SLO, by severity. */
export function burnAlerts(
  slo: ResolvedSlo,
): Array<PrometheusAlertingRule & { severity: string }> {
  return demoRuleFile([slo]).groups.flatMap(group =>
    group.rules.flatMap(rule =>
      'alert' in rule ? [{ ...rule, severity: rule.labels.severity }] : [],
    ),
  );
}

export function prometheusConfig(options: {
  addresses: LoopAddresses;
  rulesFile: string;
  /** Seconds between scrapes and between rule evaluations. */
  intervalSeconds: number;
}): string {
  const interval = `${options.intervalSeconds}s`;
  return stringify({
    global: { scrape_interval: interval, evaluation_interval: interval },
    rule_files: [options.rulesFile],
    alerting: {
      alertmanagers: [
        { static_configs: [{ targets: [options.addresses.alertmanager] }] },
      ],
    },
    scrape_configs: [
      {
        job_name: 'demo-services',
        static_configs: [{ targets: [options.addresses.exporter] }],
      },
    ],
  });
}

/**
 * Burn alerts routed as production routes them: `severity="page"` to the
 * page receiver (PagerDuty in production), the rest to tickets. No
 * receiver sends anything here; the portal reads the alerts from the API.
 */
export function alertmanagerConfig(): string {
  return stringify({
    route: {
      receiver: 'ticket',
      group_by: ['alertname', 'service', 'sloth_slo'],
      routes: [{ receiver: 'page', matchers: ['severity="page"'] }],
    },
    receivers: [{ name: 'page' }, { name: 'ticket' }],
  });
}

/** Share of the error budget left over the SLO's period up to `at`, from the demo history. */
export function demoBudgetRemaining(slo: ResolvedSlo, at: number): number {
  const seconds =
    slo.timeWindow.kind === 'rolling' ? slo.timeWindow.seconds : 30 * 86400;
  const history = generateDemoObservations([slo], {
    from: at - seconds,
    to: at,
    stepSeconds: 300,
  });
  const first = history[0];
  const last = history[history.length - 1];
  const errorRatio = 1 - (last.good - first.good) / (last.total - first.total);
  return 1 - errorRatio / (1 - slo.target);
}

/**
 * The incident the loop plays so that an on-call engineer has a page to
 * answer: the SLO with the least budget left fails forty times its budget
 * from half an hour before the loop starts, for four hours. Half an hour
 * in, both page windows (1h at 14.4x, 5m) already burn: Prometheus fires
 * the page at its first evaluation after two scrapes.
 */
export function loopIncident(
  slos: ResolvedSlo[],
  loopStart: number,
): DemoIncident {
  const ranked = slos
    .map(slo => ({ slo, remaining: demoBudgetRemaining(slo, loopStart) }))
    .sort(
      (a, b) => a.remaining - b.remaining || a.slo.id.localeCompare(b.slo.id),
    );
  const { slo } = ranked[0];
  return {
    sloId: slo.id,
    from: loopStart - 1800,
    to: loopStart + 4 * 3600,
    // Rounded: 40 * (1 - 0.999) is 0.040000000000000036 in floating point.
    errorRatio: Math.min(1, Math.round(40 * (1 - slo.target) * 1e9) / 1e9),
  };
}
