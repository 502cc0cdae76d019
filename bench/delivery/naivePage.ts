// The naive baseline of the delivery bench: each service read on its own
// and its figures found by delivery-common's minute-by-minute test
// reference, with the check that the org figures agree with the page's.
import {
  DEFAULT_DELIVERY_JUDGEMENT,
  DeliveryMetrics,
} from '@gogidix/plugin-delivery-common';
import {
  NaiveFigures,
  naiveFigures,
} from '../../plugins/delivery-common/src/compute/__testUtils__/naiveDelivery';
import { minuteOf } from '../../plugins/delivery-common/src/compute/__testUtils__/deliveryHistory';
import { OrgPage, span, Store } from './orgPages';

const sortedMedian = (values: number[]) => {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const pool = (all: NaiveFigures[]): NaiveFigures => ({
  successful: all.reduce((n, f) => n + f.successful, 0),
  judged: all.reduce((n, f) => n + f.judged, 0),
  failed: all.reduce((n, f) => n + f.failed, 0),
  leadTimes: all.flatMap(f => f.leadTimes),
  restore: all.flatMap(f => f.restore),
  detect: all.flatMap(f => f.detect),
  incidents: all.reduce((n, f) => n + f.incidents, 0),
  undetected: all.reduce((n, f) => n + f.undetected, 0),
  open: all.reduce((n, f) => n + f.open, 0),
});

const naiveValues = (f: NaiveFigures, days: number) => ({
  deploymentFrequency: f.successful / days,
  leadTimeHours: sortedMedian(f.leadTimes),
  changeFailureRate: f.judged ? f.failed / f.judged : null,
  timeToRestoreMinutes: sortedMedian(f.restore),
  timeToDetectMinutes: sortedMedian(f.detect),
  incidentCount: f.incidents,
  openIncidents: f.open,
  undetectedIncidents: f.undetected,
});

/**
 * The naive way: three queries per service, and each service's figures
 * found by delivery-common's test reference (scanning minute by minute and
 * every event, each metric on its own: no shared judgement), the team and
 * org figures pooled from those. The org's days are left out (the
 * reference has none), which only flatters the baseline.
 */
export async function naiveOrgPage(
  store: Store,
  teamOf: Map<string, string>,
  days: number,
): Promise<OrgPage> {
  const { from, to, readFrom, readTo } = span(days);
  const fromMin = minuteOf(from);
  const toMin = minuteOf(to);
  const settings = {
    windowMin: DEFAULT_DELIVERY_JUDGEMENT.failureWindowHours * 60,
    skewMin: DEFAULT_DELIVERY_JUDGEMENT.clockSkewMinutes,
    lookbackMin: DEFAULT_DELIVERY_JUDGEMENT.detectionLookbackHours * 60,
  };
  const current: NaiveFigures[] = [];
  const byTeam = new Map<string, NaiveFigures[]>();
  for (const [entityRef, team] of teamOf) {
    const query = { from: readFrom, to: readTo, entityRefs: [entityRef] };
    const events = {
      deployments: await store.deployments(query),
      incidents: await store.incidents(query),
      alerts: await store.alerts(query),
    };
    const figures = naiveFigures(events, fromMin, toMin, settings);
    // The previous period, as the page shows changes against it.
    naiveFigures(events, fromMin - (toMin - fromMin), fromMin, settings);
    current.push(figures);
    byTeam.set(team, [...(byTeam.get(team) ?? []), figures]);
  }
  for (const own of byTeam.values()) naiveValues(pool(own), days);
  return {
    org: naiveValues(pool(current), days),
    teams: byTeam.size,
    services: current.length,
  };
}

/** The org figures of both ways must agree, or the comparison means nothing. */
export function checkAgree(fast: OrgPage, naive: OrgPage) {
  const org = fast.org as DeliveryMetrics;
  const expected = naive.org as Record<string, number | null>;
  const got: Record<string, number | null> = {
    deploymentFrequency: org.deploymentFrequency.value,
    leadTimeHours: org.leadTimeHours.value,
    changeFailureRate: org.changeFailureRate.value,
    timeToRestoreMinutes: org.timeToRestoreMinutes.value,
    timeToDetectMinutes: org.timeToDetectMinutes.value,
    incidentCount: org.incidentCount.value,
    openIncidents: org.openIncidents,
    undetectedIncidents: org.undetectedIncidents,
  };
  for (const [key, value] of Object.entries(expected)) {
    const other = got[key];
    const same =
      value === null || other === null
        ? value === other
        : Math.abs(value - other) <= 1e-9 * Math.max(1, Math.abs(value));
    if (!same) {
      throw new Error(`org ${key}: computed ${other}, naive ${value}`);
    }
  }
  if (fast.teams !== naive.teams) {
    throw new Error(`teams: computed ${fast.teams}, naive ${naive.teams}`);
  }
  return got;
}
