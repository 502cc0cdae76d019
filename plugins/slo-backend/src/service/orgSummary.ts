import { parseEntityRef } from '@backstage/catalog-model';
import {
  DailyCountsByStatus,
  OrgSloRow,
  OrgSloSummary,
  SliSourceKind,
  StatusCounts,
} from '@gogidix/plugin-slo-common';
import { systemRef } from '@gogidix/portal-common';
import { StoredSlo } from '../database/SloStore';

/**
 * `spec.system` as one full ref, so a template-made service
 * (`system:default/x`) and a hand-written one (`x`) are one system.
 * Rows stored before systems were kept as full refs are read the same way.
 */
function rowSystem(stored: StoredSlo): string | undefined {
  if (!stored.system) return undefined;
  try {
    return systemRef(stored.system, {
      defaultNamespace: parseEntityRef(stored.entityRef).namespace,
    });
  } catch {
    return stored.system;
  }
}

const number = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export function orgRow(stored: StoredSlo): OrgSloRow {
  const { slo, latest } = stored;
  const system = rowSystem(stored);
  return {
    sloId: slo.id,
    displayName: slo.displayName,
    entityRef: stored.entityRef,
    owner: stored.owner,
    ...(system ? { system } : {}),
    ...(stored.tier ? { tier: stored.tier } : {}),
    target: slo.target,
    window: slo.timeWindow.duration,
    sli: number(latest?.sli),
    budgetRemaining: number(latest?.budget.remaining),
    burnRate1h: number(latest?.burnRates['1h']),
    // Never evaluated: no alert state, which is not "not firing".
    alert: latest?.alert.state ?? 'none',
    status: latest?.status ?? 'missing',
    at: latest?.at ?? null,
  };
}

const empty = (): StatusCounts => ({
  healthy: 0,
  atRisk: 0,
  exhausted: 0,
  missing: 0,
});

function count(counts: StatusCounts, status: string) {
  if (status === 'healthy') counts.healthy++;
  else if (status === 'at-risk') counts.atRisk++;
  else if (status === 'exhausted') counts.exhausted++;
  else counts.missing++;
}

function groupBy(rows: OrgSloRow[], key: (row: OrgSloRow) => string) {
  const groups = new Map<string, StatusCounts>();
  for (const row of rows) {
    const name = key(row);
    const counts = groups.get(name) ?? empty();
    count(counts, row.status);
    groups.set(name, counts);
  }
  return [...groups.entries()]
    .map(([name, counts]) => ({ name, ...counts }))
    .sort(
      (a, b) =>
        b.exhausted - a.exhausted ||
        b.atRisk - a.atRisk ||
        a.name.localeCompare(b.name),
    );
}

/**
 * The managers' view: status counts by team and by system, the SLOs burning
 * fastest (1h burn rate) and the daily trend. Built from stored evaluations
 * only, so it answers the same whether or not the SLI source is up.
 */
export function orgSummary(
  stored: StoredSlo[],
  trend: DailyCountsByStatus[],
  filters: { owners: string[]; tiers: string[] },
  sliSource: SliSourceKind,
  fastest = 10,
): OrgSloSummary {
  const slos = stored.map(orgRow);
  const totals = empty();
  for (const row of slos) count(totals, row.status);
  const times = slos
    .map(r => r.at)
    .filter((at): at is string => at !== null)
    .sort();
  return {
    asOf: times[0] ?? null,
    sliSource,
    filters,
    totals,
    byTeam: groupBy(slos, r => r.owner),
    bySystem: groupBy(slos, r => r.system ?? '(no system)'),
    fastestBurners: slos
      .filter(r => r.burnRate1h !== null && r.burnRate1h > 0)
      .sort((a, b) => b.burnRate1h! - a.burnRate1h!)
      .slice(0, fastest),
    trend,
    slos,
  };
}

export const CSV_COLUMNS: Array<keyof OrgSloRow> = [
  'sloId',
  'displayName',
  'entityRef',
  'owner',
  'system',
  'tier',
  'target',
  'window',
  'sli',
  'budgetRemaining',
  'burnRate1h',
  'alert',
  'status',
  'at',
];
