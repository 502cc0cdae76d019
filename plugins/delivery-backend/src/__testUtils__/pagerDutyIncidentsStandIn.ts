import { sendJson, StandIn, startStandIn } from '@gogidix/test-kit';

/** An incident as PagerDuty's REST API v2 returns it, trimmed to what matters. */
export interface PagerDutyIncidentFixture {
  id: string;
  serviceId: string;
  title: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  urgency: 'high' | 'low';
  createdAt: string;
  lastStatusChangeAt: string;
  acknowledgedAt?: string;
}

export const PAGERDUTY_STAND_IN_TOKEN = 'u+StandInPagerDutyKey';

/**
 * A stand-in for PagerDuty's `GET /incidents` (REST API v2): `since` and
 * `until` on creation, `service_ids[]`, `statuses[]`, `limit` (at most 100)
 * and `offset`, answered with PagerDuty's list envelope (`limit`,
 * `offset`, `more`). A wrong token gets PagerDuty's 401 body, a request
 * without `since` or with a range over six months its 400.
 */
export function startPagerDutyIncidentsStandIn(
  incidents: PagerDutyIncidentFixture[],
): Promise<StandIn> {
  return startStandIn((req, res, url) => {
    if (
      req.headers.authorization !== `Token token=${PAGERDUTY_STAND_IN_TOKEN}`
    ) {
      sendJson(res, 401, { error: { message: 'Unauthorized', code: 2006 } });
      return;
    }
    if (url.pathname !== '/incidents') {
      sendJson(res, 404, { error: { message: 'Not Found', code: 2100 } });
      return;
    }
    const q = url.searchParams;
    const since = q.get('since');
    const until = q.get('until');
    if (
      !since ||
      !until ||
      Date.parse(until) - Date.parse(since) > 183 * 86_400_000
    ) {
      sendJson(res, 400, {
        error: { message: 'Invalid Input Provided', code: 2001 },
      });
      return;
    }
    const services = q.getAll('service_ids[]');
    const statuses = q.getAll('statuses[]');
    const limit = Math.min(100, Number(q.get('limit') ?? 25));
    const offset = Number(q.get('offset') ?? 0);
    const matching = incidents
      .filter(i => services.length === 0 || services.includes(i.serviceId))
      .filter(i => statuses.length === 0 || statuses.includes(i.status))
      .filter(
        i =>
          Date.parse(i.createdAt) >= Date.parse(since) &&
          Date.parse(i.createdAt) < Date.parse(until),
      )
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    sendJson(res, 200, {
      incidents: matching.slice(offset, offset + limit).map(i => ({
        id: i.id,
        type: 'incident',
        title: i.title,
        status: i.status,
        urgency: i.urgency,
        created_at: i.createdAt,
        last_status_change_at: i.lastStatusChangeAt,
        service: { id: i.serviceId, type: 'service_reference' },
        acknowledgements: i.acknowledgedAt
          ? [{ at: i.acknowledgedAt, acknowledger: { id: 'PUSER01' } }]
          : [],
      })),
      limit,
      offset,
      total: null,
      more: offset + limit < matching.length,
    });
  });
}
