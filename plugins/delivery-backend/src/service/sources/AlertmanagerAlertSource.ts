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

/** The stored firings that have no end yet, started at or after `since`. */
export type OpenFirings = (since: Date) => Promise<AlertEvent[]>;

const noneOpen: OpenFirings = async () => [];

const firingId = (alert: GettableAlert) =>
  `${alert.fingerprint}:${new Date(alert.startsAt).toISOString()}`;

/**
 * Firings from Alertmanager API v2 (`GET /api/v2/alerts`): Alertmanager
 * only knows what fires now, so each read stores the firings it sees, one
 * per fingerprint and `startsAt`; their first firing is when detection
 * starts. An alert belongs to the component named by its service label
 * (`onCall.alertmanager.serviceLabel`), when only one component has that name.
 *
 * While an alert fires its `endsAt` is only Alertmanager's guess (the
 * sender's resolve timeout, pushed on with every resend), so a firing is
 * stored open. Alertmanager leaves an alert out of this list once its
 * `endsAt` has passed, i.e. once it is resolved; so a stored open firing
 * that a successful read no longer lists ended, and is stored with the
 * time of that read as its end: at most one read interval
 * (`delivery.frequencyMinutes`) late, never early.
 */
export class AlertmanagerAlertSource implements DeliverySource {
  readonly name = 'alertmanager';

  constructor(
    private readonly endpoint: SourceEndpoint,
    private readonly catalog: DeliveryCatalog,
    private readonly serviceLabel: string,
    private readonly openFirings: OpenFirings = noneOpen,
    private readonly now: () => Date = () => new Date(),
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
    const readAt = this.now().toISOString();
    const events = noEvents();
    const listed = new Set<string>();
    for (const alert of body) {
      listed.add(firingId(alert));
      const entityRef = serviceNames.get(alert.labels[this.serviceLabel] ?? '');
      if (!entityRef || Date.parse(alert.startsAt) < since.getTime()) continue;
      events.alerts.push({
        id: firingId(alert),
        entityRef,
        alertname: alert.labels.alertname ?? '(unnamed alert)',
        severity: alert.labels.severity ?? 'none',
        startsAt: alert.startsAt,
        endsAt: null,
      } satisfies AlertEvent);
    }
    for (const stored of await this.openFirings(since)) {
      if (!listed.has(stored.id)) {
        events.alerts.push({ ...stored, endsAt: readAt });
      }
    }
    return events;
  }
}
