import { LoggerService } from '@backstage/backend-plugin-api';
import {
  OnCallShift,
  PagerDutyIncident,
  ServiceOnCall,
} from '@gogidix/plugin-oncall-common';
import { CONFIG_KEYS, PagerDutySettings } from '../config';
import { fetchSourceJson } from './fetchSource';

interface Reference {
  id: string;
  summary: string;
  html_url?: string;
}

interface PdService {
  service: {
    id: string;
    name: string;
    html_url: string;
    escalation_policy: Reference;
  };
}

interface PdOnCalls {
  oncalls: Array<{
    user: Reference;
    schedule: Reference | null;
    escalation_level: number;
    start: string | null;
    end: string | null;
  }>;
}

interface PdIncidents {
  incidents: Array<{
    id: string;
    incident_number: number;
    title: string;
    status: PagerDutyIncident['status'];
    urgency: PagerDutyIncident['urgency'];
    created_at: string;
    html_url: string;
    assignments: Array<{ assignee: Reference }>;
  }>;
}

/** How far ahead to look for the next person on call. */
const LOOKAHEAD_DAYS = 14;

/**
 * Who is on call and what is open for one PagerDuty service, from the REST
 * API v2: the service gives its escalation policy, `/oncalls` the first-level
 * responders now and next, `/incidents` the unresolved incidents.
 */
export class PagerDutyClient {
  constructor(
    private readonly settings: PagerDutySettings,
    private readonly logger: LoggerService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async serviceOnCall(serviceId: string): Promise<ServiceOnCall> {
    const { service } = await this.get<PdService>(
      `/services/${encodeURIComponent(serviceId)}`,
      new URLSearchParams(),
    );
    const policy = service.escalation_policy;
    const now = this.now();
    const until = new Date(now.getTime() + LOOKAHEAD_DAYS * 86_400_000);
    const [{ oncalls }, { incidents }] = await Promise.all([
      this.get<PdOnCalls>(
        '/oncalls',
        new URLSearchParams([
          ['escalation_policy_ids[]', policy.id],
          ['since', now.toISOString()],
          ['until', until.toISOString()],
          ['time_zone', 'UTC'],
          ['limit', '100'],
        ]),
      ),
      this.get<PdIncidents>(
        '/incidents',
        new URLSearchParams([
          ['service_ids[]', service.id],
          ['statuses[]', 'triggered'],
          ['statuses[]', 'acknowledged'],
          ['time_zone', 'UTC'],
          ['sort_by', 'created_at:desc'],
          ['limit', '25'],
        ]),
      ),
    ]);

    const firstLevel = oncalls
      .filter(o => o.escalation_level === 1)
      .map(
        (o): OnCallShift => ({
          user: o.user.summary,
          userUrl: o.user.html_url,
          start: o.start,
          end: o.end,
          schedule: o.schedule?.summary,
        }),
      );
    const isCurrent = (s: OnCallShift) =>
      s.start === null || Date.parse(s.start) <= now.getTime();
    const upcoming = firstLevel
      .filter(s => !isCurrent(s))
      .sort((a, b) => Date.parse(a.start!) - Date.parse(b.start!));

    return {
      status: 'ok',
      service: { id: service.id, name: service.name, url: service.html_url },
      escalationPolicy: {
        id: policy.id,
        name: policy.summary,
        url: policy.html_url,
      },
      now: firstLevel.filter(isCurrent),
      next: upcoming[0],
      incidents: incidents.map(i => ({
        id: i.id,
        number: i.incident_number,
        title: i.title,
        status: i.status,
        urgency: i.urgency,
        createdAt: i.created_at,
        url: i.html_url,
        assignees: i.assignments.map(a => a.assignee.summary),
      })),
    };
  }

  private get<T>(path: string, query: URLSearchParams): Promise<T> {
    const search = query.toString();
    return fetchSourceJson<T>(
      `PagerDuty at ${this.settings.baseUrl}`,
      `${this.settings.baseUrl}${path}${search ? `?${search}` : ''}`,
      {
        timeoutMs: this.settings.timeoutMs,
        headers: {
          Accept: 'application/vnd.pagerduty+json;version=2',
          Authorization: `Token token=${this.settings.token}`,
        },
        logger: this.logger,
        credential: CONFIG_KEYS.pagerDuty,
      },
    );
  }
}
