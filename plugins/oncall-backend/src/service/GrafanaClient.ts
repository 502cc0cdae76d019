import { LoggerService } from '@backstage/backend-plugin-api';
import { FiringAlert, GrafanaDashboard } from '@gogidix/plugin-oncall-common';
import { AlertmanagerClient } from './AlertmanagerClient';
import { CONFIG_KEYS, GrafanaInstanceSettings } from '../config';
import { DashboardFields } from './dashboardSelector';
import { fetchSourceJson } from './fetchSource';

/** The parts of a Grafana `GET /api/search` hit that we use. */
interface SearchHit extends DashboardFields {
  uid: string;
  url: string;
  type: string;
}

/**
 * One Grafana instance, read with a service account token that stays on the
 * backend: dashboards from `/api/search`, alerts from Grafana's built-in
 * Alertmanager (`/api/alertmanager/grafana/api/v2/alerts`).
 */
export class GrafanaClient {
  private readonly alertmanager: AlertmanagerClient;

  constructor(
    private readonly settings: GrafanaInstanceSettings,
    private readonly logger: LoggerService,
  ) {
    this.alertmanager = new AlertmanagerClient(
      {
        baseUrl: `${settings.baseUrl}/api/alertmanager/grafana`,
        serviceLabel: 'service',
        timeoutMs: settings.timeoutMs,
        sourceName: this.sourceName,
        headers: this.headers,
        credential: this.credential,
      },
      logger,
    );
  }

  get name(): string {
    return this.settings.name;
  }

  async dashboards(
    matches: (d: DashboardFields) => boolean,
  ): Promise<GrafanaDashboard[]> {
    const hits = await fetchSourceJson<SearchHit[]>(
      this.sourceName,
      `${this.settings.baseUrl}/api/search?type=dash-db&limit=5000`,
      {
        timeoutMs: this.settings.timeoutMs,
        headers: this.headers,
        logger: this.logger,
        credential: this.credential,
      },
    );
    return hits
      .filter(hit => hit.type === 'dash-db' && matches(hit))
      .map(hit => ({
        title: hit.title,
        url: this.settings.publicUrl && `${this.settings.publicUrl}${hit.url}`,
        folderTitle: hit.folderTitle,
        tags: hit.tags,
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }

  alerts(filters: string[]): Promise<FiringAlert[]> {
    return this.alertmanager.firingAlerts(filters);
  }

  private get credential(): string {
    return `the token of instance "${this.settings.name}" in ${CONFIG_KEYS.grafana}`;
  }

  private get sourceName(): string {
    return `Grafana ${this.settings.name} at ${this.settings.baseUrl}`;
  }

  private get headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.settings.token}` };
  }
}
