import { randomBytes } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { startLoopbackServer } from '@gogidix/portal-node';
import { SourceSettings } from '../config';
import { DeliveryCatalog } from '../service/deliveryCatalog';
import {
  DemoIncident,
  demoIncidents,
  demoIncidentStatusAt,
} from './demoIncidents';

/** A running demo PagerDuty, as settings for the real PagerDuty client. */
export interface DemoPagerDuty {
  settings: SourceSettings;
  stop(): Promise<void>;
}

const LIMIT_DEFAULT = 25;
const LIMIT_MAX = 100;
// PagerDuty answers a `since`..`until` range of at most six months.
const MAX_RANGE_MS = 183 * 86_400_000;

const pdError = (message: string, code: number) => ({
  error: { message, code },
});

/** The incident object of PagerDuty's REST API v2, as it stands at `now`. */
function incidentJson(incident: DemoIncident, now: Date) {
  const { status, lastStatusChangeAt } = demoIncidentStatusAt(incident, now);
  return {
    id: incident.id,
    type: 'incident',
    summary: incident.title,
    title: incident.title,
    status,
    urgency: incident.urgency,
    created_at: incident.triggeredAt,
    last_status_change_at: lastStatusChangeAt,
    resolved_at: status === 'resolved' ? incident.resolvedAt : null,
    service: { id: incident.serviceId, type: 'service_reference' },
    // PagerDuty lists acknowledgements only while an incident is acknowledged.
    acknowledgements:
      status === 'acknowledged'
        ? [{ at: incident.acknowledgedAt, acknowledger: null }]
        : [],
  };
}

/**
 * Serves the demo incident history through PagerDuty's REST API v2, as
 * documented at developer.pagerduty.com: `GET /incidents` with `since` and
 * `until` on creation (both required here, at most six months apart),
 * `service_ids[]`, `statuses[]`, `limit` (at most 100) and `offset`,
 * answered with the list envelope (`limit`, `offset`, `more`, `total`);
 * the `Token token=…` header and PagerDuty's error bodies. Each service
 * is a PagerDuty service id a component of the catalog holds
 * (`pagerduty.com/service-id`); its incidents follow the deployments the
 * demo GitHub serves for the same component. On 127.0.0.1, a port the
 * kernel picks and a random token; the delivery backend reads it with its
 * PagerDuty client, so demo incidents take the real code path.
 */
export async function startDemoPagerDuty(options: {
  catalog: DeliveryCatalog;
  lookbackDays: number;
  now?: () => Date;
}): Promise<DemoPagerDuty> {
  const token = randomBytes(24).toString('hex');
  const now = options.now ?? (() => new Date());

  async function incidents(url: URL): Promise<[number, unknown]> {
    const q = url.searchParams;
    const since = Date.parse(q.get('since') ?? '');
    const until = Date.parse(q.get('until') ?? '');
    const limit = Number(q.get('limit') ?? LIMIT_DEFAULT);
    const offset = Number(q.get('offset') ?? 0);
    if (
      !Number.isFinite(since) ||
      !Number.isFinite(until) ||
      until < since ||
      until - since > MAX_RANGE_MS ||
      !Number.isInteger(limit) ||
      limit < 1 ||
      limit > LIMIT_MAX ||
      !Number.isInteger(offset) ||
      offset < 0
    ) {
      return [400, pdError('Invalid Input Provided', 2001)];
    }
    const { pagerDuty, github } = await options.catalog.targets();
    const slugOf = new Map([...github].map(([slug, ref]) => [ref, slug]));
    const wanted = q.getAll('service_ids[]');
    const statuses = q.getAll('statuses[]');
    const at = now();
    // A day's margin so an incident opened before the window is there too.
    const days = options.lookbackDays + 7;
    const matching = [...pagerDuty]
      .filter(([id]) => wanted.length === 0 || wanted.includes(id))
      .flatMap(([serviceId, ref]) =>
        demoIncidents({ serviceId, slug: slugOf.get(ref) }, at, days),
      )
      .filter(i => {
        const created = Date.parse(i.triggeredAt);
        return created >= since && created < until;
      })
      .sort(
        (a, b) =>
          a.triggeredAt.localeCompare(b.triggeredAt) ||
          a.id.localeCompare(b.id),
      )
      .map(incident => incidentJson(incident, at))
      .filter(i => statuses.length === 0 || statuses.includes(i.status));
    return [
      200,
      {
        incidents: matching.slice(offset, offset + limit),
        limit,
        offset,
        total: null,
        more: offset + limit < matching.length,
      },
    ];
  }

  const handle = async (req: IncomingMessage): Promise<[number, unknown]> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.headers.authorization !== `Token token=${token}`) {
      return [401, pdError('Unauthorized', 2006)];
    }
    if (req.method !== 'GET' || url.pathname !== '/incidents') {
      return [404, pdError('Not Found', 2100)];
    }
    return incidents(url);
  };

  const server = await startLoopbackServer(async req => {
    try {
      const [status, body] = await handle(req);
      return { status, body };
    } catch (error) {
      return { status: 500, body: pdError(String(error), 2000) };
    }
  });
  return {
    settings: {
      baseUrl: server.baseUrl,
      token,
      timeoutMs: 10_000,
    },
    stop: () => server.stop(),
  };
}
