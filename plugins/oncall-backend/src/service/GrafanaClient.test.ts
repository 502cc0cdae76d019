import { mockServices } from '@backstage/backend-test-utils';
import {
  GRAFANA_TOKEN,
  GrafanaStandIn,
  startGrafanaStandIn,
} from '../__testUtils__/grafanaStandIn';
import { parseDashboardSelector } from './dashboardSelector';
import { GrafanaClient } from './GrafanaClient';
import { alertFilters } from './matchers';

describe('GrafanaClient', () => {
  const logger = mockServices.logger.mock();
  let grafana: GrafanaStandIn;
  beforeAll(async () => {
    grafana = await startGrafanaStandIn();
  });
  afterAll(() => grafana.stop());

  const client = (token = GRAFANA_TOKEN) =>
    new GrafanaClient(
      {
        name: 'production',
        baseUrl: grafana.baseUrl,
        publicUrl: 'https://grafana.gogidix.dev',
        token,
        timeoutMs: 2000,
      },
      logger,
    );

  it('lists the dashboards the selector picks, linked at the public URL', async () => {
    const dashboards = await client().dashboards(
      parseDashboardSelector("tags @> 'listings-service'"),
    );
    expect(dashboards).toEqual([
      {
        title: 'Listings DB',
        url: 'https://grafana.gogidix.dev/d/lst-db/listings-db',
        folderTitle: 'Databases',
        tags: ['postgresql', 'listings-service'],
      },
      {
        title: 'Listings Service – Golden signals',
        url: 'https://grafana.gogidix.dev/d/lst-golden/listings-service-golden-signals',
        folderTitle: 'Listings',
        tags: ['listings-service'],
      },
    ]);
    const search = grafana.requests.find(
      r => r.url.pathname === '/api/search',
    )!;
    expect(search.url.searchParams.get('type')).toBe('dash-db');
  });

  it('reads firing alerts from Grafana’s Alertmanager by label', async () => {
    const alerts = await client().alerts(
      alertFilters('service=listings-service'),
    );
    expect(alerts).toMatchObject([
      {
        name: 'ListingsP99Latency',
        severity: 'warning',
        service: 'listings-service',
        runbookUrl:
          'http://localhost:3000/runbooks/default/component/listings-service/slo-latency-burn',
      },
    ]);
  });

  it('names the instance and where its token is set when the token is refused', async () => {
    const error = await client('wrong')
      .dashboards(() => true)
      .catch(e => e);
    expect(error.message).toMatch(
      /^Grafana production at http:\/\/127\.0\.0\.1:\d+ answered 401 Unauthorized: the credential was refused; check the token of instance "production" in onCall\.grafana\.instances/,
    );
    expect(error.message).not.toMatch(/invalid API key/);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/answered 401: .*invalid API key/),
    );
  });
});
