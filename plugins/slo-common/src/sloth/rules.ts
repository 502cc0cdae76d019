import {
  BURN_RATE_ALERT_CONDITIONS,
  BURN_RATE_WINDOWS,
  periodDays,
} from '../compute/windows';
import { ResolvedSlo } from '../openslo/types';
import { errorRatioQuery } from './queries';

export interface PrometheusRecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

export interface PrometheusAlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface PrometheusRuleGroup {
  name: string;
  rules: Array<PrometheusRecordingRule | PrometheusAlertingRule>;
}

/** A Prometheus rule file (`rule_files:` entry, or a PrometheusRule's `spec`). */
export interface PrometheusRuleFile {
  groups: PrometheusRuleGroup[];
}

export interface SlothRuleOptions {
  /** The service label (`sloth_service`); usually the catalog component name. */
  service: string;
  /** Where the alert's runbook is; defaults to the portal's relative runbook path. */
  runbookUrl?: (alert: 'page' | 'ticket') => string;
  /** Extra labels on every rule (e.g. team, tier). */
  labels?: Record<string, string>;
}

const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(word => word[0].toUpperCase() + word.slice(1))
    .join('');

function selector(labels: Record<string, string>): string {
  return `{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
    .join(', ')}}`;
}

/**
 * Prometheus recording and alerting rules for one SLO, in the shape Sloth
 * generates (same record names and `sloth_*` labels), so Sloth's Grafana
 * dashboards and anything else built on them keep working. The alerts are
 * the multi-window, multi-burn-rate pair: page (1h+5m at 14.4x, 6h+30m at
 * 6x) and ticket (1d+2h at 3x, 3d+6h at 1x).
 */
export function generateSlothRules(
  slo: ResolvedSlo,
  options: SlothRuleOptions,
): PrometheusRuleFile {
  const idLabels = {
    sloth_id: `${options.service}-${slo.name}`,
    sloth_service: options.service,
    sloth_slo: slo.name,
  };
  const common = { ...options.labels, ...idLabels };
  const ids = selector(idLabels);
  const days = periodDays(slo.timeWindow);
  const period = `${days}d`;

  const sliRules: PrometheusRecordingRule[] = BURN_RATE_WINDOWS.map(window => ({
    record: `slo:sli_error:ratio_rate${window}`,
    expr: errorRatioQuery(slo, window),
    labels: { ...common, sloth_window: window },
  }));
  // The period ratio averages the 5m ratio (as Sloth does) instead of
  // re-querying 30 days of raw series at every evaluation.
  sliRules.push({
    record: `slo:sli_error:ratio_rate${period}`,
    expr: `sum_over_time(slo:sli_error:ratio_rate5m${ids}[${period}])\n/ ignoring (sloth_window)\ncount_over_time(slo:sli_error:ratio_rate5m${ids}[${period}])`,
    labels: { ...common, sloth_window: period },
  });

  const budget = 1 - slo.target;
  const onIds = 'on (sloth_id, sloth_slo, sloth_service) group_left';
  const metaRules: PrometheusRecordingRule[] = [
    {
      record: 'slo:objective:ratio',
      expr: `vector(${slo.target})`,
      labels: common,
    },
    {
      record: 'slo:error_budget:ratio',
      expr: `vector(1 - ${slo.target})`,
      labels: common,
    },
    { record: 'slo:time_period:days', expr: `vector(${days})`, labels: common },
    {
      record: 'slo:current_burn_rate:ratio',
      expr: `slo:sli_error:ratio_rate5m${ids}\n/ ${onIds}\nslo:error_budget:ratio${ids}`,
      labels: common,
    },
    {
      record: 'slo:period_burn_rate:ratio',
      expr: `slo:sli_error:ratio_rate${period}${ids}\n/ ${onIds}\nslo:error_budget:ratio${ids}`,
      labels: common,
    },
    {
      record: 'slo:period_error_budget_remaining:ratio',
      expr: `1 - slo:period_burn_rate:ratio${ids}`,
      labels: common,
    },
  ];

  const runbookUrl =
    options.runbookUrl ??
    (() => `/runbooks/default/component/${options.service}/${slo.runbook}`);
  const alertName = `${pascal(options.service)}${pascal(
    slo.name,
  )}ErrorBudgetBurn`;
  const alerts: PrometheusAlertingRule[] = (['page', 'ticket'] as const).map(
    severity => {
      const clauses = BURN_RATE_ALERT_CONDITIONS.filter(
        c => c.severity === severity,
      ).map(
        c =>
          `(\n  max(slo:sli_error:ratio_rate${c.short}${ids} > (${c.factor} * ${budget})) without (sloth_window)\n  and\n  max(slo:sli_error:ratio_rate${c.long}${ids} > (${c.factor} * ${budget})) without (sloth_window)\n)`,
      );
      return {
        alert: alertName,
        expr: clauses.join('\nor\n'),
        labels: { ...options.labels, severity, sloth_severity: severity },
        annotations: {
          summary: `${slo.displayName} of ${options.service} is burning its error budget too fast (${severity})`,
          description: `The ${slo.displayName} SLO (${(slo.target * 100)
            .toFixed(3)
            .replace(/\.?0+$/, '')}% over ${
            slo.timeWindow.duration
          }) burns its budget at a rate that ${
            severity === 'page'
              ? 'exhausts it within days'
              : 'exhausts it before the period ends'
          }.`,
          runbook_url: runbookUrl(severity),
        },
      };
    },
  );

  return {
    groups: [
      {
        name: `sloth-slo-sli-recordings-${idLabels.sloth_id}`,
        rules: sliRules,
      },
      {
        name: `sloth-slo-meta-recordings-${idLabels.sloth_id}`,
        rules: metaRules,
      },
      { name: `sloth-slo-alerts-${idLabels.sloth_id}`, rules: alerts },
    ],
  };
}
