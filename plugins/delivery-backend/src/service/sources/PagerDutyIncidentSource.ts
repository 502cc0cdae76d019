import { IncidentEvent } from '@gogidix/plugin-delivery-common';
import { DeliveryCatalog } from '../deliveryCatalog';
import { DeliveryEvents, DeliverySource, noEvents } from './DeliverySource';
import { fetchSourcePage, SourceEndpoint } from './sourceFetch';

/** The parts of PagerDuty's incident object we read. */
interface PdIncident {
  id: string;
  title: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  urgency: 'high' | 'low';
  created_at: string;
  last_status_change_at: string;
  service: { id: string };
  acknowledgements?: Array<{ at: string }>;
}

interface PdIncidentPage {
  incidents: PdIncident[];
  limit: number;
  offset: number;
  more: boolean;
}

const LIMIT = 100;
// Service ids per request, to keep the query string short.
const SERVICES_PER_REQUEST = 25;

/**
 * Incidents from PagerDuty's REST API v2 (`GET /incidents` with `since`,
 * `until`, `service_ids[]` and every status, paged by `offset` while `more`)
 * for the services components hold (`pagerduty.com/service-id`). A resolved
 * incident's resolution time is its last status change; its
 * acknowledgement the first in `acknowledgements`, which PagerDuty keeps
 * while it is acknowledged.
 */
export class PagerDutyIncidentSource implements DeliverySource {
  readonly name = 'pagerduty';

  constructor(
    private readonly endpoint: SourceEndpoint,
    private readonly catalog: DeliveryCatalog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async read(since: Date): Promise<DeliveryEvents> {
    const { pagerDuty } = await this.catalog.targets();
    const events = noEvents();
    const ids = [...pagerDuty.keys()].sort();
    for (let i = 0; i < ids.length; i += SERVICES_PER_REQUEST) {
      for (const incident of await this.incidents(
        ids.slice(i, i + SERVICES_PER_REQUEST),
        since,
      )) {
        const entityRef = pagerDuty.get(incident.service.id);
        if (entityRef) events.incidents.push(toEvent(incident, entityRef));
      }
    }
    return events;
  }

  private async incidents(
    serviceIds: string[],
    since: Date,
  ): Promise<PdIncident[]> {
    const found: PdIncident[] = [];
    let offset = 0;
    for (;;) {
      const query = new URLSearchParams([
        ['since', since.toISOString()],
        ['until', this.now().toISOString()],
        ...serviceIds.map(id => ['service_ids[]', id]),
        ['statuses[]', 'triggered'],
        ['statuses[]', 'acknowledged'],
        ['statuses[]', 'resolved'],
        ['time_zone', 'UTC'],
        ['limit', String(LIMIT)],
        ['offset', String(offset)],
      ]);
      const { body } = await fetchSourcePage<PdIncidentPage>(
        this.endpoint,
        `/incidents?${query}`,
      );
      found.push(...body.incidents);
      if (!body.more || body.incidents.length === 0) return found;
      offset += body.incidents.length;
    }
  }
}

function toEvent(incident: PdIncident, entityRef: string): IncidentEvent {
  const acknowledged = (incident.acknowledgements ?? [])
    .map(a => a.at)
    .sort()[0];
  return {
    id: `pagerduty:${incident.id}`,
    source: 'pagerduty',
    entityRef,
    title: incident.title,
    urgency: incident.urgency,
    triggeredAt: incident.created_at,
    acknowledgedAt: acknowledged ?? null,
    resolvedAt:
      incident.status === 'resolved' ? incident.last_status_change_at : null,
  };
}
