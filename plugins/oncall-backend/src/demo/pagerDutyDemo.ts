import { IncomingMessage } from 'node:http';
import { FiringAlert } from '@gogidix/plugin-oncall-common';
import { DemoEstate, DemoService } from './demoEstate';
import { JsonAnswer } from '@gogidix/portal-node';
import { demoObjectId, weeklyRotation } from './rotation';

/** Where the demo's links lead: the portal's own pages, never a made-up host. */
export interface PortalLinks {
  entity(ref: string, tab?: string): string;
}

const error = (status: number, message: string, code: number): JsonAnswer => ({
  status,
  body: { error: { message, code } },
});

/**
 * PagerDuty's REST API v2 for the demo organisation, as documented at
 * developer.pagerduty.com: `GET /services/{id}`, `GET /oncalls`,
 * `GET /schedules/{id}` and `GET /incidents`, with the `Token token=…`
 * header and PagerDuty's error bodies. Each
 * service's escalation policy has one level, a weekly rotation through the
 * owning team's members; its incidents are its alerts firing in
 * Alertmanager, as PagerDuty's Alertmanager integration would open them.
 */
export function pagerDutyDemo(options: {
  token: string;
  estate: DemoEstate;
  links: PortalLinks;
  firingAlerts?: (service: DemoService) => Promise<FiringAlert[]>;
  now: () => Date;
}) {
  const { token, estate, links, now } = options;
  const ids = (service: DemoService) => ({
    policy: demoObjectId('escalation_policy', service.entityRef),
    schedule: demoObjectId('schedule', service.entityRef),
  });
  const ref = (type: string, id: string, summary: string, htmlUrl: string) => ({
    id,
    type: `${type}_reference`,
    summary,
    self: `https://api.pagerduty.com/${type}s/${id}`,
    html_url: htmlUrl,
  });
  const policyRef = (s: DemoService) =>
    ref(
      'escalation_policy',
      ids(s).policy,
      `${s.title} – primary`,
      links.entity(s.ownerRef ?? s.entityRef),
    );
  const scheduleRef = (s: DemoService) =>
    ref(
      'schedule',
      ids(s).schedule,
      `${s.team ?? s.name} weekly`,
      links.entity(s.ownerRef ?? s.entityRef),
    );
  const userRef = (name: string, displayName: string) =>
    ref(
      'user',
      demoObjectId('user', name),
      displayName,
      links.entity(`user:default/${name}`),
    );
  const serviceRef = (s: DemoService) =>
    ref(
      'service',
      s.pagerDutyId!,
      s.title,
      links.entity(s.entityRef, 'on-call'),
    );

  function shifts(s: DemoService, since: Date, until: Date) {
    const byName = new Map(s.members.map(m => [m.name, m.displayName]));
    return weeklyRotation(
      s.members.map(m => m.name),
      since,
      until,
    ).map(shift => ({ ...shift, displayName: byName.get(shift.member)! }));
  }

  /** `since`/`until` as PagerDuty reads them: both default to now. */
  function window(url: URL): { since: Date; until: Date } | undefined {
    const since = new Date(url.searchParams.get('since') ?? now());
    const until = new Date(url.searchParams.get('until') ?? since);
    if (Number.isNaN(since.getTime()) || Number.isNaN(until.getTime())) {
      return undefined;
    }
    return { since, until };
  }

  async function oncalls(url: URL): Promise<JsonAnswer> {
    const range = window(url);
    if (!range) return error(400, 'Invalid Input Provided', 2001);
    const policies = url.searchParams.getAll('escalation_policy_ids[]');
    const services = (await estate.services()).filter(
      s =>
        s.pagerDutyId && (!policies.length || policies.includes(ids(s).policy)),
    );
    const entries = services.flatMap(s =>
      shifts(s, range.since, range.until).map(shift => ({
        escalation_policy: policyRef(s),
        escalation_level: 1,
        schedule: scheduleRef(s),
        user: userRef(shift.member, shift.displayName),
        start: shift.start.toISOString(),
        end: shift.end.toISOString(),
      })),
    );
    return {
      status: 200,
      body: {
        oncalls: entries,
        limit: 100,
        offset: 0,
        more: false,
        total: null,
      },
    };
  }

  async function schedule(id: string, url: URL): Promise<JsonAnswer> {
    const range = window(url);
    if (!range) return error(400, 'Invalid Input Provided', 2001);
    const s = (await estate.services()).find(
      x => x.pagerDutyId && ids(x).schedule === id,
    );
    if (!s) return error(404, 'Not Found', 2100);
    const entries = shifts(s, range.since, range.until).map(shift => ({
      start: shift.start.toISOString(),
      end: shift.end.toISOString(),
      user: userRef(shift.member, shift.displayName),
    }));
    return {
      status: 200,
      body: {
        schedule: {
          ...scheduleRef(s),
          type: 'schedule',
          name: scheduleRef(s).summary,
          time_zone: 'UTC',
          escalation_policies: [policyRef(s)],
          users: s.members.map(m => userRef(m.name, m.displayName)),
          final_schedule: {
            name: 'Final Schedule',
            rendered_schedule_entries: entries,
            rendered_coverage_percentage: entries.length ? 100 : 0,
          },
        },
      },
    };
  }

  async function incidents(url: URL): Promise<JsonAnswer> {
    const wanted = url.searchParams.getAll('service_ids[]');
    const statuses = url.searchParams.getAll('statuses[]');
    const services = (await estate.services()).filter(
      s => s.pagerDutyId && (!wanted.length || wanted.includes(s.pagerDutyId)),
    );
    const all = (
      await Promise.all(
        services.map(async s => {
          const alerts = options.firingAlerts
            ? await options.firingAlerts(s)
            : [];
          return alerts.map(alert => {
            // Assigned to whoever was on call when it started.
            const opened = new Date(alert.startsAt);
            const [onCall] = shifts(s, opened, opened);
            const id = demoObjectId('incident', alert.fingerprint);
            return {
              id,
              type: 'incident',
              summary: alert.name,
              incident_number: parseInt(alert.fingerprint.slice(0, 4), 16) || 1,
              title: alert.summary
                ? `${alert.name}: ${alert.summary}`
                : alert.name,
              // Alertmanager's PagerDuty integration opens every alert as
              // triggered; nobody acknowledges in the demo.
              status: 'triggered',
              urgency:
                alert.severity === 'page' || alert.severity === 'critical'
                  ? 'high'
                  : 'low',
              created_at: alert.startsAt,
              html_url: links.entity(s.entityRef, 'on-call'),
              service: serviceRef(s),
              escalation_policy: policyRef(s),
              assignments: onCall
                ? [
                    {
                      at: alert.startsAt,
                      assignee: userRef(onCall.member, onCall.displayName),
                    },
                  ]
                : [],
            };
          });
        }),
      )
    )
      .flat()
      .filter(i => !statuses.length || statuses.includes(i.status))
      .sort((a, b) => b.created_at.localeCompare(a.created_at));
    const limit = Number(url.searchParams.get('limit') ?? 25);
    return {
      status: 200,
      body: {
        incidents: all.slice(0, limit),
        limit,
        offset: 0,
        more: all.length > limit,
        total: null,
      },
    };
  }

  return async (req: IncomingMessage, url: URL): Promise<JsonAnswer> => {
    if (req.headers.authorization !== `Token token=${token}`) {
      return error(401, 'Unauthorized', 2006);
    }
    if (req.method !== 'GET') {
      return error(405, 'Method Not Allowed', 2001);
    }
    if (url.pathname === '/oncalls') return oncalls(url);
    if (url.pathname === '/incidents') return incidents(url);
    const service = /^\/services\/([^/]+)$/.exec(url.pathname);
    if (service) {
      const s = await estate.serviceByPagerDutyId(
        decodeURIComponent(service[1]),
      );
      if (!s) return error(404, 'Not Found', 2100);
      return {
        status: 200,
        body: {
          service: {
            ...serviceRef(s),
            type: 'service',
            name: s.title,
            description: `${s.title}, owned by ${s.team ?? 'nobody'}`,
            status: 'active',
            escalation_policy: policyRef(s),
          },
        },
      };
    }
    const sched = /^\/schedules\/([^/]+)$/.exec(url.pathname);
    if (sched) return schedule(decodeURIComponent(sched[1]), url);
    return error(404, 'Not Found', 2100);
  };
}
