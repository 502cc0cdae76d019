import { LoggerService } from '@backstage/backend-plugin-api';
import { FiringAlert } from '@gogidix/plugin-oncall-common';
import { AlertmanagerSettings, CONFIG_KEYS } from '../config';
import { fetchSourceJson } from './fetchSource';

/** The parts of Alertmanager API v2's `gettableAlert` that we show. */
interface GettableAlert {
  fingerprint: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  generatorURL?: string;
  status: { state: 'active' | 'suppressed' | 'unprocessed' };
}

/**
 * Reads what is firing now from Alertmanager API v2 (`GET /api/v2/alerts`):
 * a standalone Alertmanager, or Grafana's built-in one.
 */
export class AlertmanagerClient {
  constructor(
    private readonly settings: AlertmanagerSettings,
    private readonly logger: LoggerService,
  ) {}

  get serviceLabel(): string {
    return this.settings.serviceLabel;
  }

  /** Alerts that are active and neither silenced nor inhibited. */
  async firingAlerts(filters: string[] = []): Promise<FiringAlert[]> {
    const query = new URLSearchParams({
      active: 'true',
      silenced: 'false',
      inhibited: 'false',
      unprocessed: 'false',
    });
    for (const filter of filters) {
      query.append('filter', filter);
    }
    const alerts = await fetchSourceJson<GettableAlert[]>(
      this.settings.sourceName ?? `Alertmanager at ${this.settings.baseUrl}`,
      `${this.settings.baseUrl}/api/v2/alerts?${query}`,
      {
        timeoutMs: this.settings.timeoutMs,
        headers: this.settings.headers,
        logger: this.logger,
        credential:
          this.settings.credential ??
          `any proxy in front of ${CONFIG_KEYS.alertmanager}`,
      },
    );
    return alerts
      .filter(alert => alert.status.state === 'active')
      .map(alert => this.toFiringAlert(alert))
      .sort(
        (a, b) =>
          a.service.localeCompare(b.service) ||
          a.startsAt.localeCompare(b.startsAt),
      );
  }

  private toFiringAlert(alert: GettableAlert): FiringAlert {
    const { labels, annotations } = alert;
    return {
      fingerprint: alert.fingerprint,
      name: labels.alertname ?? '(unnamed alert)',
      severity: labels.severity ?? 'none',
      service: labels[this.settings.serviceLabel] ?? '',
      summary: annotations.summary ?? annotations.title ?? '',
      description: annotations.description,
      runbookUrl: safeLink(annotations.runbook_url),
      startsAt: alert.startsAt,
      generatorUrl: safeLink(alert.generatorURL),
      labels,
    };
  }
}

/**
 * Alert annotations come from whoever writes alert rules; only web links and
 * portal paths become links, so a `javascript:` URL never reaches a page.
 */
export function safeLink(url: string | undefined): string | undefined {
  if (!url) {
    return undefined;
  }
  if (/^\/(?!\/)/.test(url)) {
    return url;
  }
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
