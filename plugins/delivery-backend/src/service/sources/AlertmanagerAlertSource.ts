import { AlertEvent } from '@gogidix/plugin-delivery-common';
import { DeliveryCatalog } from '../deliveryCatalog';
import { DeliveryEvents, DeliverySource, noEvents } from './DeliverySource';
import { fetchSourcePage, SourceEndpoint } from './sourceFetch';

/** The parts of Alertmanager API v2's `gettableAlert` we read. */
interface GettableAlert {
  fingerprint: string;
  labels: Record<string, string>;
  startsAt: string;
  status: { state: 'active' | 'suppressed' | 'unprocessed' };
}

/**
 * Firings from Alertmanager API v2 (`GET /api/v2/alerts`): Alertmanager
 * only knows what fires now, so each read stores the firings it sees, one
 * per fingerprint and `startsAt`; their first firing is when detection
 * starts. An alert belongs to the component named by its service label
 * (`onCall.alertmanager.serviceLabel`), when only one component has that name.
 */
export class AlertmanagerAlertSource implements DeliverySource {
  readonly name = 'alertmanager';

  constructor(
    private readonly endpoint: SourceEndpoint,
    private readonly catalog: DeliveryCatalog,
    private readonly serviceLabel: string,
  ) {}

  async read(since: Date): Promise<DeliveryEvents> {
    const { serviceNames } = await this.catalog.targets();
    const query = new URLSearchParams({
      active: 'true',
      silenced: 'true',
      inhibited: 'true',
      unprocessed: 'false',
    });
    const { body } = await fetchSourcePage<GettableAlert[]>(
      this.endpoint,
      `/api/v2/alerts?${query}`,
    );
    const events = noEvents();
    for (const alert of body) {
      const entityRef = serviceNames.get(alert.labels[this.serviceLabel] ?? '');
      if (!entityRef || Date.parse(alert.startsAt) < since.getTime()) continue;
      events.alerts.push({
        id: `${alert.fingerprint}:${new Date(alert.startsAt).toISOString()}`,
        entityRef,
        alertname: alert.labels.alertname ?? '(unnamed alert)',
        severity: alert.labels.severity ?? 'none',
        startsAt: alert.startsAt,
        // Still firing when read; a firing that ends is simply not seen again.
        endsAt: null,
      } satisfies AlertEvent);
    }
    return events;
  }
}
