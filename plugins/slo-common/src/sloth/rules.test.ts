// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- tests only: promtool runs from Node
import { runCommand } from '@gogidix/infra-validation';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- test fixtures only
import { availabilitySlo, latencySlo, openSloYaml } from '@gogidix/test-kit';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseOpenSloDocuments } from '../openslo/parse';
import { ResolvedSlo, SloTimeWindow } from '../openslo/types';
import {
  generateSlothRules,
  PrometheusAlertingRule,
  PrometheusRecordingRule,
  PrometheusRuleFile,
  sloAlertNames,
} from './rules';

// Installed by scripts/bootstrap.sh (bootstrap_prometheus): the real
// promtool judges the rules, not a hand-written imitation of its checks.
const PROMTOOL = process.env.PORTAL_PROMTOOL ?? 'promtool';

const DOCUMENT = openSloYaml(
  availabilitySlo({ window: '30d' }),
  latencySlo({ timeSliceWindow: '1m' }),
);

function slos(): ResolvedSlo[] {
  const parsed = parseOpenSloDocuments(DOCUMENT, 'test');
  expect(parsed.problems).toEqual([]);
  return parsed.slos;
}

const DAY = 86400;
const rolling = (duration: string, seconds: number): SloTimeWindow => ({
  kind: 'rolling',
  duration,
  seconds,
});

/** The availability SLO over another window and target. */
const availability = (timeWindow: SloTimeWindow, target = 0.999) => ({
  ...slos()[0],
  timeWindow,
  target,
});

const runbookUrl = (alert: 'page' | 'ticket') =>
  `https://portal.gogidix.dev/runbooks/default/component/listings-service/slo-availability-burn#${alert}`;

const allRules = (file: PrometheusRuleFile) =>
  file.groups.flatMap(g => g.rules);
const recording = (file: PrometheusRuleFile, record: string) =>
  allRules(file).find(
    r => 'record' in r && r.record === record,
  ) as PrometheusRecordingRule;
const alerts = (file: PrometheusRuleFile) =>
  file.groups[2].rules as PrometheusAlertingRule[];

describe('generateSlothRules', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'slo-rules-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the Sloth record names, labels, info series and both burn-rate alerts', () => {
    const file = generateSlothRules(
      { ...slos()[0], labels: { tier: '1', 'cost-centre': 'cc-42' } },
      { service: 'listings-service', runbookUrl, labels: { team: 'listings' } },
    );
    expect(
      allRules(file).map(r => ('record' in r ? r.record : r.alert)),
    ).toEqual([
      ...['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'].map(
        w => `slo:sli_error:ratio_rate${w}`,
      ),
      'slo:objective:ratio',
      'slo:error_budget:ratio',
      'slo:time_period:days',
      'slo:current_burn_rate:ratio',
      'slo:period_burn_rate:ratio',
      'slo:period_error_budget_remaining:ratio',
      'sloth_slo_info',
      'ListingsServiceAvailabilityErrorBudgetBurn',
      'ListingsServiceAvailabilityErrorBudgetBurn',
    ]);
    const ids = {
      sloth_id: 'listings-service-availability',
      sloth_service: 'listings-service',
      sloth_slo: 'availability',
    };
    // The SLO's own labels (made valid Prometheus names) are on every rule.
    const common = {
      tier: '1',
      cost_centre: 'cc-42',
      team: 'listings',
      ...ids,
    };
    expect(file.groups[0].rules[2].labels).toEqual({
      ...common,
      sloth_window: '1h',
    });
    expect(recording(file, 'slo:objective:ratio').labels).toEqual(common);
    expect(recording(file, 'sloth_slo_info')).toEqual({
      record: 'sloth_slo_info',
      expr: 'vector(1)',
      labels: {
        ...common,
        sloth_mode: 'gogidix-portal',
        sloth_spec: 'openslo/v1',
        sloth_objective: '99.9',
      },
    });
    expect(recording(file, 'slo:error_budget:ratio').expr).toBe(
      'vector(0.001)',
    );
    const [page, ticket] = alerts(file);
    expect(page.labels).toEqual({
      team: 'listings',
      severity: 'page',
      sloth_severity: 'page',
    });
    expect(ticket.annotations.runbook_url).toBe(runbookUrl('ticket'));
    expect(page.annotations.summary).toContain('listings-service');
  });

  // Factors worked out by hand: budget share x period / long window.
  it.each<[string, SloTimeWindow, string, number, string[]]>([
    ['30 days', rolling('30d', 30 * DAY), '30d', 30, ['14.4', '6', '3', '1']],
    [
      '28 days',
      rolling('28d', 28 * DAY),
      '4w',
      28,
      ['13.44', '5.6', '2.8', String(28 / 30)],
    ],
    [
      '36 hours',
      rolling('36h', 36 * 3600),
      '1d12h',
      1.5,
      ['0.72', '0.3', '0.15', '0.05'],
    ],
    [
      'a week',
      rolling('7d', 7 * DAY),
      '1w',
      7,
      ['3.36', '1.4', '0.7', String(7 / 30)],
    ],
    [
      'a calendar month (30 days in rules)',
      {
        kind: 'calendar',
        duration: '1M',
        timeZone: 'Europe/Berlin',
        seconds: 30 * DAY,
      },
      '30d',
      30,
      ['14.4', '6', '3', '1'],
    ],
  ])(
    'names windows and derives factors for %s',
    (_, window, name, days, factors) => {
      const file = generateSlothRules(availability(window), {
        service: 'listings-service',
      });
      const period = recording(file, `slo:sli_error:ratio_rate${name}`);
      expect(period.labels?.sloth_window).toBe(name);
      expect(period.expr).toContain(`[${name}]`);
      expect(recording(file, 'slo:time_period:days').expr).toBe(
        `vector(${days})`,
      );
      expect(recording(file, 'slo:period_burn_rate:ratio').expr).toContain(
        `slo:sli_error:ratio_rate${name}{`,
      );
      const [page, ticket] = alerts(file);
      const thresholds = (expr: string) =>
        [...expr.matchAll(/> \(([\d.]+) \* 0\.001\)/g)].map(m => m[1]);
      expect(thresholds(page.expr)).toEqual([
        factors[0],
        factors[0],
        factors[1],
        factors[1],
      ]);
      expect(thresholds(ticket.expr)).toEqual([
        factors[2],
        factors[2],
        factors[3],
        factors[3],
      ]);
    },
  );

  it('writes a 3-day period once, as the 3d window', () => {
    const file = generateSlothRules(availability(rolling('3d', 3 * DAY)), {
      service: 's',
    });
    const records = allRules(file)
      .map(r => ('record' in r ? r.record : ''))
      .filter(r => r.startsWith('slo:sli_error'));
    expect(records.filter(r => r.endsWith('3d'))).toHaveLength(1);
  });

  it('prints an objective of 99.9999% as it is, not 100%', () => {
    const file = generateSlothRules(
      availability(rolling('30d', 30 * DAY), 0.999999),
      { service: 'listings-service' },
    );
    expect(alerts(file)[0].annotations.description).toContain(
      '(99.9999% over 30d)',
    );
    expect(recording(file, 'slo:error_budget:ratio').expr).toBe(
      'vector(0.000001)',
    );
    expect(alerts(file)[0].expr).toContain('> (14.4 * 0.000001)');
  });

  it('names the alerts once for runbooks and demo alerts', () => {
    expect(sloAlertNames('listings-service', 'availability')).toEqual({
      page: 'ListingsServiceAvailabilityErrorBudgetBurn',
      ticket: 'ListingsServiceAvailabilityErrorBudgetBurn',
    });
  });

  it('passes promtool check rules for every period and form', async () => {
    const path = join(dir, 'rules.yaml');
    const variants = [
      ...slos(),
      availability(rolling('36h', 36 * 3600)),
      availability(rolling('28d', 28 * DAY)),
      availability({
        kind: 'calendar',
        duration: '1Q',
        timeZone: 'UTC',
        seconds: 90 * DAY,
      }),
    ];
    const groups = variants.flatMap(
      (slo, i) =>
        generateSlothRules(
          { ...slo, name: `${slo.name}-${i}` },
          { service: slo.service },
        ).groups,
    );
    writeFileSync(path, stringify({ groups }));
    const { stdout: output } = await runCommand(PROMTOOL, [
      'check',
      'rules',
      path,
    ]);
    // 8 SLI windows + 7 meta rules + 2 alerts per SLO.
    expect(output).toContain(`SUCCESS: ${variants.length * 17} rules found`);
  });

  /*
   * 1000 requests a minute; from minute 940 to 1000, 14 of them fail
   * (error ratio 0.014, a burn rate of 14 at 99.9%). Only the last hour
   * fails, so the longer windows stay low: 6h 840/360000 (2.33x), 1d and 3d
   * 840/1000000 (0.84x, below even the 28-day 0.9333x). 14 is above the
   * 28-day page factor (13.44) and below the 30-day one (14.4): the same
   * burn pages one SLO and not the other.
   */
  it.each<[string, string[], SloTimeWindow]>([
    ['28d', ['page'], rolling('28d', 28 * DAY)],
    ['30d', [], rolling('30d', 30 * DAY)],
  ])(
    'with a %s period, a burn of 14x for an hour fires %j',
    async (name, firing, window) => {
      const slo = {
        ...availability(window),
        indicator: {
          kind: 'ratio' as const,
          form: 'counter' as const,
          bad: 'http_request_errors_total{service="listings-service"}',
          total: 'http_requests_total{service="listings-service"}',
        },
      };
      const file = generateSlothRules(slo, {
        service: 'listings-service',
        runbookUrl,
      });
      writeFileSync(join(dir, `burn-${name}.yaml`), stringify(file));
      const ids = {
        sloth_id: 'listings-service-availability',
        sloth_service: 'listings-service',
        sloth_slo: 'availability',
      };
      const rules = alerts(file);
      const test = {
        rule_files: [`burn-${name}.yaml`],
        evaluation_interval: '1m',
        tests: [
          {
            interval: '1m',
            input_series: [
              {
                series: 'http_requests_total{service="listings-service"}',
                values: '0+1000x1000',
              },
              {
                series: 'http_request_errors_total{service="listings-service"}',
                values: '0x940 14+14x59',
              },
            ],
            promql_expr_test: [
              {
                expr: 'round(slo:sli_error:ratio_rate1h * 1e9) / 1e9',
                eval_time: '1000m',
                exp_samples: [
                  {
                    labels: `{sloth_id="listings-service-availability", sloth_service="listings-service", sloth_slo="availability", sloth_window="1h"}`,
                    value: 0.014,
                  },
                ],
              },
            ],
            alert_rule_test: [
              {
                eval_time: '1000m',
                alertname: 'ListingsServiceAvailabilityErrorBudgetBurn',
                exp_alerts: rules
                  .filter(a => firing.includes(a.labels.severity))
                  .map(a => ({
                    exp_labels: { ...ids, ...a.labels },
                    exp_annotations: a.annotations,
                  })),
              },
            ],
          },
        ],
      };
      writeFileSync(join(dir, `test-${name}.yaml`), stringify(test));
      // promtool test rules prints why a test failed on stdout, which
      // execFileSync's error left out; runCommand's failure shows both streams.
      const { stdout: output } = await runCommand(PROMTOOL, [
        'test',
        'rules',
        join(dir, `test-${name}.yaml`),
      ]);
      expect(output).toContain('SUCCESS');
    },
  );
});
