import { FiringAlert } from '@gogidix/plugin-oncall-common';

export interface ServiceAlerts {
  service: string;
  /** The catalog entity whose alert selector names the service. */
  entityRef?: string;
  bySeverity: Array<{ severity: string; alerts: FiringAlert[] }>;
}

/** Paging severities first: the order an on-call engineer works in. */
const SEVERITY_ORDER = [
  'critical',
  'page',
  'error',
  'warning',
  'ticket',
  'info',
];

function severityRank(severity: string): number {
  const rank = SEVERITY_ORDER.indexOf(severity);
  return rank === -1 ? SEVERITY_ORDER.length : rank;
}

/**
 * Groups firing alerts by service, then severity. Services with the most
 * severe alert come first; alerts without a service label are grouped last
 * under "(no service label)" so they are never hidden.
 */
export function groupAlerts(alerts: FiringAlert[]): ServiceAlerts[] {
  const services = new Map<string, Map<string, FiringAlert[]>>();
  for (const alert of alerts) {
    const service = alert.service || '(no service label)';
    const severities = services.get(service) ?? new Map();
    severities.set(alert.severity, [
      ...(severities.get(alert.severity) ?? []),
      alert,
    ]);
    services.set(service, severities);
  }
  const groups = [...services].map(([service, severities]) => ({
    service,
    entityRef: [...severities.values()].flat().find(a => a.entityRef)
      ?.entityRef,
    bySeverity: [...severities]
      .map(([severity, list]) => ({ severity, alerts: list }))
      .sort((a, b) => severityRank(a.severity) - severityRank(b.severity)),
  }));
  const worst = (g: ServiceAlerts) => severityRank(g.bySeverity[0].severity);
  const unlabelled = (g: ServiceAlerts) =>
    g.service === '(no service label)' ? 1 : 0;
  return groups.sort(
    (a, b) =>
      unlabelled(a) - unlabelled(b) ||
      worst(a) - worst(b) ||
      a.service.localeCompare(b.service),
  );
}
