import {
  evaluateSlo,
  ResolvedSlo,
  WindowErrorRatios,
} from '@gogidix/plugin-slo-common';

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
