import { sendJson, StandIn, startStandIn } from '@gogidix/test-kit';

/**
 * A stand-in for PagerDuty's REST API v2 (api.pagerduty.com) with the paths,
 * query parameters, auth header and response shapes of its documentation:
 * `GET /services/{id}`, `GET /oncalls`, `GET /incidents`. It answers 401 with
 * PagerDuty's error body when the token is wrong, and 400 when a required
 * filter is missing, so the client's requests are checked, not just served.
 */
export type PagerDutyStandIn = StandIn;

export const STAND_IN_TOKEN = 'y_NbAkKc66ryYTWUXYEu';

const ref = (type: string, id: string, summary: string) => ({
  id,
  type: `${type}_reference`,
  summary,
  self: `https://api.pagerduty.com/${type}s/${id}`,
  html_url: `https://gogidix.pagerduty.com/${type}s/${id}`,
});

export async function startPagerDutyStandIn(
  now: Date,
): Promise<PagerDutyStandIn> {
  const hours = (h: number) =>
    new Date(now.getTime() + h * 3_600_000).toISOString();
  const policy = ref('escalation_policy', 'PEP1L57', 'Listings – primary');

  return startStandIn((req, res, url) => {
    const send = (status: number, body: unknown) => sendJson(res, status, body);
    if (req.headers.authorization !== `Token token=${STAND_IN_TOKEN}`) {
      send(401, { error: { message: 'Unauthorized', code: 2006 } });
      return;
    }
    if (req.headers.accept !== 'application/vnd.pagerduty+json;version=2') {
      send(406, { error: { message: 'Not Acceptable', code: 2001 } });
      return;
    }
    if (url.pathname === '/services/PL7M2RD') {
      send(200, {
        service: {
          ...ref('service', 'PL7M2RD', 'Listings Service'),
          type: 'service',
          name: 'Listings Service',
          status: 'critical',
          escalation_policy: policy,
        },
      });
      return;
    }
    if (url.pathname.startsWith('/services/')) {
      send(404, { error: { message: 'Not Found', code: 2100 } });
      return;
    }
    if (url.pathname === '/oncalls') {
      if (
        url.searchParams.getAll('escalation_policy_ids[]').join() !==
          policy.id ||
        url.searchParams.get('time_zone') !== 'UTC'
      ) {
        send(400, { error: { message: 'Invalid Input Provided', code: 2001 } });
        return;
      }
      const schedule = ref('schedule', 'PSCHED1', 'Listings weekly');
      send(200, {
        oncalls: [
          {
            escalation_policy: policy,
            escalation_level: 1,
            schedule,
            user: ref('user', 'PUSER01', 'Priya Shah'),
            start: hours(-20),
            end: hours(4),
          },
          {
            escalation_policy: policy,
            escalation_level: 1,
            schedule,
            user: ref('user', 'PUSER02', 'Tom Okafor'),
            start: hours(4),
            end: hours(28),
          },
          {
            escalation_policy: policy,
            escalation_level: 2,
            schedule: null,
            user: ref('user', 'PUSER03', 'Lena Weber'),
            start: null,
            end: null,
          },
        ],
        limit: 100,
        offset: 0,
        more: false,
        total: null,
      });
      return;
    }
    if (url.pathname === '/incidents') {
      if (
        url.searchParams.getAll('service_ids[]').join() !== 'PL7M2RD' ||
        url.searchParams.getAll('statuses[]').join() !==
          'triggered,acknowledged'
      ) {
        send(400, { error: { message: 'Invalid Input Provided', code: 2001 } });
        return;
      }
      send(200, {
        incidents: [
          {
            id: 'Q2K8ZD5R',
            type: 'incident',
            incident_number: 4182,
            title: 'ListingsServiceAvailabilityBurnPage',
            status: 'acknowledged',
            urgency: 'high',
            created_at: hours(-1),
            html_url: 'https://gogidix.pagerduty.com/incidents/Q2K8ZD5R',
            service: ref('service', 'PL7M2RD', 'Listings Service'),
            assignments: [
              {
                at: hours(-1),
                assignee: ref('user', 'PUSER01', 'Priya Shah'),
              },
            ],
          },
        ],
        limit: 25,
        offset: 0,
        more: false,
        total: null,
      });
      return;
    }
    send(404, { error: { message: 'Not Found', code: 2100 } });
  });
}
