// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- tests only: promtool runs from Node
import { runCommand } from '@gogidix/infra-validation';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- test fixtures only
import { availabilitySlo, latencySlo, openSloYaml } from '@gogidix/test-kit';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseOpenSloDocuments } from '../openslo/parse';
import { ResolvedSlo } from '../openslo/types';
import { generateSlothRules, PrometheusAlertingRule } from './rules';

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

const runbookUrl = (alert: 'page' | 'ticket') =>
  `https://portal.gogidix.dev/runbooks/default/component/listings-service/slo-availability-burn#${alert}`;

describe('generateSlothRules', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'slo-rules-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the Sloth record names, labels and both burn-rate alerts', () => {
    const file = generateSlothRules(slos()[0], {
      service: 'listings-service',
      runbookUrl,
      labels: { team: 'listings' },
    });
    const records = file.groups.flatMap(g =>
      g.rules.map(r => ('record' in r ? r.record : r.alert)),
    );
    expect(records).toEqual([
      ...['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'].map(
        w => `slo:sli_error:ratio_rate${w}`,
      ),
      'slo:objective:ratio',
      'slo:error_budget:ratio',
      'slo:time_period:days',
      'slo:current_burn_rate:ratio',
      'slo:period_burn_rate:ratio',
      'slo:period_error_budget_remaining:ratio',
      'ListingsServiceAvailabilityErrorBudgetBurn',
      'ListingsServiceAvailabilityErrorBudgetBurn',
    ]);
    expect(file.groups[0].rules[2].labels).toEqual({
      team: 'listings',
      sloth_id: 'listings-service-availability',
      sloth_service: 'listings-service',
      sloth_slo: 'availability',
      sloth_window: '1h',
    });
    const [page, ticket] = file.groups[2].rules as PrometheusAlertingRule[];
    expect(page.labels.severity).toBe('page');
    expect(page.expr).toMatch(
      /ratio_rate5m.*14\.4[\s\S]*ratio_rate1h.*14\.4[\s\S]*ratio_rate30m.*> \(6 [\s\S]*ratio_rate6h.*> \(6 /,
    );
    expect(ticket.expr).toMatch(
      /ratio_rate2h.*> \(3 [\s\S]*ratio_rate1d.*> \(3 [\s\S]*ratio_rate6h.*> \(1 [\s\S]*ratio_rate3d.*> \(1 /,
    );
    expect(ticket.annotations.runbook_url).toBe(runbookUrl('ticket'));
    expect(page.annotations.summary).toContain('listings-service');
  });

  it('passes promtool check rules for ratio and timeslice SLOs', async () => {
    const path = join(dir, 'rules.yaml');
    const groups = slos().flatMap(
      slo => generateSlothRules(slo, { service: slo.service }).groups,
    );
    writeFileSync(path, stringify({ groups }));
    const { stdout: output } = await runCommand(PROMTOOL, [
      'check',
      'rules',
      path,
    ]);
    expect(output).toContain('SUCCESS: 32 rules found');
  });

  it('pages in promtool when a tenth of requests fail for an hour', async () => {
    const slo = slos()[0];
    const file = generateSlothRules(slo, {
      service: 'listings-service',
      runbookUrl,
    });
    writeFileSync(join(dir, 'availability.yaml'), stringify(file));
    const alerts = file.groups[2].rules as PrometheusAlertingRule[];
    const sloth = {
      sloth_id: 'listings-service-availability',
      sloth_service: 'listings-service',
      sloth_slo: 'availability',
    };
    const test = {
      rule_files: ['availability.yaml'],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: [
            {
              series:
                'http_requests_total{service="listings-service",code="200"}',
              values: '0+90x200',
            },
            {
              series:
                'http_requests_total{service="listings-service",code="500"}',
              values: '0+10x200',
            },
          ],
          promql_expr_test: [
            {
              expr: 'round(slo:sli_error:ratio_rate5m, 0.0001)',
              eval_time: '70m',
              exp_samples: [
                {
                  labels: `{sloth_id="listings-service-availability", sloth_service="listings-service", sloth_slo="availability", sloth_window="5m"}`,
                  value: 0.1,
                },
              ],
            },
          ],
          alert_rule_test: [
            {
              eval_time: '70m',
              alertname: 'ListingsServiceAvailabilityErrorBudgetBurn',
              exp_alerts: alerts.map(a => ({
                exp_labels: { ...sloth, ...a.labels },
                exp_annotations: a.annotations,
              })),
            },
          ],
        },
      ],
    };
    writeFileSync(join(dir, 'test.yaml'), stringify(test));
    // promtool test rules prints why a test failed on stdout, which
    // execFileSync's error left out; runCommand's failure shows both streams.
    const { stdout: output } = await runCommand(PROMTOOL, [
      'test',
      'rules',
      join(dir, 'test.yaml'),
    ]);
    expect(output).toContain('SUCCESS');
  });
});
