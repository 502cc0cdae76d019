// The org page of the delivery bench computed two ways on one store: as
// GET /overview computes it now (from rollups) and as it did before (the
// full computation), with the check that both agree to the last digit.
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  combineDelivery,
  DEFAULT_DELIVERY_JUDGEMENT,
  DeliveryEvents,
  DeliveryMetrics,
  deliveryByService,
  deliveryDays,
  resolvePeriod,
} from '@gogidix/plugin-delivery-common';
import { DatabaseDeliveryStore } from '../../plugins/delivery-backend/src/database/DatabaseDeliveryStore';
import { DeliveryService } from '../../plugins/delivery-backend/src/service/DeliveryService';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
// The page is computed "now": the end of the generated year.
export const NOW_MS = Date.parse('2026-12-01T00:00:00Z');
// The span DeliveryService reads: from the previous period's start less the
// failure window and detection lookback, to the period's end plus the window.
const BEFORE_MS =
  (DEFAULT_DELIVERY_JUDGEMENT.failureWindowHours +
    DEFAULT_DELIVERY_JUDGEMENT.detectionLookbackHours) *
  HOUR_MS;
const AFTER_MS = DEFAULT_DELIVERY_JUDGEMENT.failureWindowHours * HOUR_MS;

export type Store = DatabaseDeliveryStore;

export interface OrgPage {
  org: DeliveryMetrics | Record<string, number | null>;
  teams: number;
  services: number;
  days?: number;
  /** The whole page, to check two ways agree exactly. */
  figures?: unknown;
}

export const span = (days: number) => {
  const to = new Date(NOW_MS).toISOString();
  const from = new Date(NOW_MS - days * DAY_MS).toISOString();
  const readFrom = new Date(NOW_MS - 2 * days * DAY_MS - BEFORE_MS);
  const readTo = new Date(NOW_MS + AFTER_MS);
  return {
    from,
    to,
    readFrom: readFrom.toISOString(),
    readTo: readTo.toISOString(),
  };
};

/**
 * What the org page's API computed before rollups: one read of the span's
 * events for every service, each service's figures from one judgement,
 * teams and org pooled from them, the org's days.
 */
export async function fullOrgPage(
  store: Store,
  teamOf: Map<string, string>,
  days: number,
  parts: Record<string, number[]>,
): Promise<OrgPage> {
  const { from, to, readFrom, readTo } = span(days);
  let t = performance.now();
  const query = { from: readFrom, to: readTo, entityRefs: [...teamOf.keys()] };
  const [deployments, incidents, alerts] = await Promise.all([
    store.deployments(query),
    store.incidents(query),
    store.alerts(query),
  ]);
  const events: DeliveryEvents = { deployments, incidents, alerts };
  parts.read.push(performance.now() - t);
  t = performance.now();
  const services = deliveryByService(events, { from, to });
  parts.services.push(performance.now() - t);
  t = performance.now();
  const teamNames = [...new Set(teamOf.values())].sort();
  const period = resolvePeriod({ from, to }).period;
  const teams = teamNames.map(team =>
    combineDelivery(
      services.filter(service => teamOf.get(service.entityRef) === team),
      period,
    ),
  );
  const org = combineDelivery(services, period);
  parts.combine.push(performance.now() - t);
  t = performance.now();
  const trend = deliveryDays(events, { from, to });
  parts.days.push(performance.now() - t);
  return {
    org,
    teams: teams.length,
    services: services.length,
    days: trend.length,
    figures: {
      org,
      teams,
      services: services.map(x => [x.entityRef, x.metrics]),
      days: trend,
    },
  };
}

/** What GET /overview computes now: DeliveryService.overview for every team. */
export async function orgPage(
  service: DeliveryService,
  teamNames: string[],
  days: number,
): Promise<OrgPage> {
  const page = await service.overview({
    days,
    shown: teamNames,
    credentials: mockCredentials.user(),
  });
  return {
    org: page.org,
    teams: page.teams.length,
    services: page.services.length,
    days: page.days.length,
    figures: {
      org: page.org,
      teams: page.teams.map(t => t.metrics),
      services: page.services.map(x => [x.entityRef, x.metrics]),
      days: page.days,
    },
  };
}

/** The two ways' pages must be equal to the last digit, or the rollups are wrong. */
export function checkSame(fast: OrgPage, full: OrgPage) {
  const a = JSON.stringify(fast.figures);
  const b = JSON.stringify(full.figures);
  if (a !== b) {
    let at = 0;
    while (a[at] === b[at]) at++;
    throw new Error(
      `the page from rollups differs from the full computation at character ${at}: ${a.slice(
        Math.max(0, at - 80),
        at + 80,
      )} / ${b.slice(Math.max(0, at - 80), at + 80)}`,
    );
  }
}
