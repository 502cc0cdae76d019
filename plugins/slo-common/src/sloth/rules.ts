import {
  burnRateAlertConditions,
  BURN_RATE_WINDOWS,
  periodDays,
  sloPeriodSeconds,
} from '../compute/windows';
import { complementText, percentText } from '../compute/decimal';
import { prometheusDuration } from '../openslo/duration';
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
  /** Extra labels on every rule (e.g. team, tier); they win over the SLO's own labels. */
  labels?: Record<string, string>;
}

const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(word => word[0].toUpperCase() + word.slice(1))
    .join('');

/**
 * The alert names of an SLO's burn-rate alerts, as the generated rules name
 * them. As in Sloth, page and ticket share one name (`<Service><Slo>ErrorBudgetBurn`)
 * and differ by the `severity` / `sloth_severity` label; runbooks, routing
 * and demo alerts should take the names from here.
 */
export function sloAlertNames(
  service: string,
  sloName: string,
): Record<'page' | 'ticket', string> {
  const name = `${pascal(service)}${pascal(sloName)}ErrorBudgetBurn`;
  return { page: name, ticket: name };
}

function selector(labels: Record<string, string>): string {
  return `{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
    .join(', ')}}`;
}

/**
 * OpenSLO label keys may hold `-`, `.` and `/`; Prometheus label names may
 * not. Other characters become `_`, and names Prometheus reserves (`__…`) are
 * left out.
 */
export function prometheusLabels(
  labels: Record<string, string>,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) {
    let name = key.replace(/[^a-zA-Z0-9_]/g, '_');
    if (/^[0-9]/.test(name)) name = `_${name}`;
    if (name.startsWith('__')) continue;
    result[name] = value;
  }
  return result;
}

/**
 * Prometheus recording and alerting rules for one SLO, as Sloth generates
 * them (record names, `sloth_*` labels, `sloth_slo_info`), so Sloth's Grafana
 * dashboards and anything else built on them keep working. Burn-rate factors
 * come from the SLO period as Sloth derives them (budget share x period /
 * window): 14.4/6/3/1 for 30 days, 13.44/5.6/2.8/0.9333… for 28 days.
 * Calendar windows use their nominal length (1M = 30d), since Prometheus
 * rules need a fixed period.
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
  const common = {
    ...prometheusLabels(slo.labels),
    ...options.labels,
    ...idLabels,
  };
  const ids = selector(idLabels);
  const seconds = sloPeriodSeconds(slo.timeWindow);
  const period = prometheusDuration(seconds);
  const budget = complementText(slo.target);

  const windows: string[] = [...BURN_RATE_WINDOWS];
  const sliRules: PrometheusRecordingRule[] = windows.map(window => ({
    record: `slo:sli_error:ratio_rate${window}`,
    expr: errorRatioQuery(slo, window),
    labels: { ...common, sloth_window: window },
  }));
  // The period ratio averages the 5m ratio (as Sloth does) instead of
  // re-querying the whole period of raw series at every evaluation. A period
  // as long as an alert window (1d, 3d) already has its rule.
  if (!windows.includes(period)) {
    sliRules.push({
      record: `slo:sli_error:ratio_rate${period}`,
      expr: `sum_over_time(slo:sli_error:ratio_rate5m${ids}[${period}])\n/ ignoring (sloth_window)\ncount_over_time(slo:sli_error:ratio_rate5m${ids}[${period}])`,
      labels: { ...common, sloth_window: period },
    });
  }

  const onIds = 'on (sloth_id, sloth_slo, sloth_service) group_left';
  const metaRules: PrometheusRecordingRule[] = [
    {
      record: 'slo:objective:ratio',
      expr: `vector(${slo.target})`,
      labels: common,
    },
    {
      record: 'slo:error_budget:ratio',
      expr: `vector(${budget})`,
      labels: common,
    },
    {
      record: 'slo:time_period:days',
      expr: `vector(${periodDays(slo.timeWindow)})`,
      labels: common,
    },
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
    {
      record: 'sloth_slo_info',
      expr: 'vector(1)',
      labels: {
        ...common,
        sloth_mode: 'gogidix-portal',
        sloth_spec: 'openslo/v1',
        sloth_objective: percentText(slo.target),
      },
    },
  ];

  const runbookUrl =
    options.runbookUrl ??
    (() => `/runbooks/default/component/${options.service}/${slo.runbook}`);
  const names = sloAlertNames(options.service, slo.name);
  const conditions = burnRateAlertConditions(seconds);
  const objective = `${percentText(slo.target)}% over ${
    slo.timeWindow.duration
  }`;
  const alerts: PrometheusAlertingRule[] = (['page', 'ticket'] as const).map(
    severity => {
      const clauses = conditions
        .filter(c => c.severity === severity)
        .map(
          c =>
            `(\n  max(slo:sli_error:ratio_rate${c.short}${ids} > (${c.factor} * ${budget})) without (sloth_window)\n  and\n  max(slo:sli_error:ratio_rate${c.long}${ids} > (${c.factor} * ${budget})) without (sloth_window)\n)`,
        );
      return {
        alert: names[severity],
        // Sloth joins the windows with `and ignoring (sloth_window)`, which
        // leaves the short window's label on the alert, so one burn could
        // fire as two alerts; dropping the label keeps one alert per severity.
        expr: clauses.join('\nor\n'),
        labels: { ...options.labels, severity, sloth_severity: severity },
        annotations: {
          title: `(${severity}) ${options.service} ${slo.name} SLO error budget burn rate is too fast.`,
          summary: `${slo.displayName} of ${options.service} is burning its error budget too fast (${severity})`,
          description: `The ${
            slo.displayName
          } SLO (${objective}) burns its budget at a rate that ${
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
