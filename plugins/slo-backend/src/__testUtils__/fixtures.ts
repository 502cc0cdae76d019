import { TestDatabases } from '@backstage/backend-test-utils';
import {
  evaluateSlo,
  ResolvedSlo,
  WindowErrorRatios,
} from '@gogidix/plugin-slo-common';

/** SQLite always, PostgreSQL when the CI variable points at one (as packages/backend does). */
export function sloTestDatabases() {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
    disableDocker: true,
  });
  if (
    process.env.PORTAL_REQUIRE_POSTGRES === '1' &&
    !databases.supports('POSTGRES_15')
  ) {
    throw new Error(
      'PostgreSQL is required (PORTAL_REQUIRE_POSTGRES=1) but not configured',
    );
  }
  return databases;
}

export function ratioSlo(
  service: string,
  name: string,
  target = 0.999,
): ResolvedSlo {
  return {
    id: `${service}-${name}`,
    name,
    displayName: name,
    service,
    source: 'test',
    indicatorName: `${service}-${name}`,
    indicator: {
      kind: 'ratio',
      good: `sum(rate(slo_good_events_total{slo_id="${service}-${name}"}[{{.window}}]))`,
      total: `sum(rate(slo_events_total{slo_id="${service}-${name}"}[{{.window}}]))`,
    },
    target,
    timeWindow: { kind: 'rolling', duration: '30d', seconds: 30 * 86400 },
    budgetingMethod: 'Occurrences',
    runbook: `slo-${name}-burn`,
    alertPolicies: [],
    labels: {},
  };
}

/** An evaluation where every window has the same error ratio. */
export function evaluationAt(
  slo: ResolvedSlo,
  at: string,
  errorRatio: number | 'missing',
) {
  const ratios: WindowErrorRatios = {
    period: errorRatio,
    '5m': errorRatio,
    '30m': errorRatio,
    '1h': errorRatio,
    '2h': errorRatio,
    '6h': errorRatio,
    '1d': errorRatio,
    '3d': errorRatio,
  };
  return evaluateSlo(slo, ratios, new Date(at));
}
