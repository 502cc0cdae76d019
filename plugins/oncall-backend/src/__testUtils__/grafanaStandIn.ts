import { sendJson, StandIn, startStandIn } from '@gogidix/test-kit';

/**
 * A stand-in for Grafana's HTTP API with the documented paths, auth header
 * and response shapes: `GET /api/search` (dashboard hits) and the built-in
 * Alertmanager's `GET /api/alertmanager/grafana/api/v2/alerts`, which
 * applies `filter` equality matchers as Alertmanager does.
 */
export type GrafanaStandIn = StandIn;

export const GRAFANA_TOKEN = 'glsa_standin_0123456789abcdef';

const hit = (uid: string, title: string, tags: string[], folder: string) => ({
  id: uid.length,
  uid,
  title,
  uri: `db/${uid}`,
  url: `/d/${uid}/${title.toLowerCase().replace(/\W+/g, '-')}`,
  slug: '',
  type: 'dash-db',
  tags,
  isStarred: false,
  folderId: 7,
  folderUid: folder.toLowerCase(),
  folderTitle: folder,
  folderUrl: `/dashboards/f/${folder.toLowerCase()}/`,
});

const alerts = [
  {
    labels: {
      alertname: 'ListingsP99Latency',
      service: 'listings-service',
      severity: 'warning',
      grafana_folder: 'Listings',
    },
    annotations: {
      summary: 'p99 latency above 800 ms',
      runbook_url:
        'http://localhost:3000/runbooks/default/component/listings-service/slo-latency-burn',
    },
    startsAt: '2026-11-27T04:10:00Z',
    endsAt: '2026-11-27T06:10:00Z',
    updatedAt: '2026-11-27T04:55:00Z',
    fingerprint: 'a1b2c3d4e5f60718',
    receivers: [{ name: 'listings-pagerduty' }],
    status: { state: 'active', silencedBy: [], inhibitedBy: [] },
    generatorURL: 'https://grafana.gogidix.dev/alerting/grafana/abc/view',
  },
  {
    labels: { alertname: 'SearchQueueDepth', service: 'search-service' },
    annotations: {},
    startsAt: '2026-11-27T04:20:00Z',
    endsAt: '2026-11-27T06:20:00Z',
    updatedAt: '2026-11-27T04:55:00Z',
    fingerprint: 'ffeeddccbbaa9988',
    receivers: [{ name: 'search' }],
    status: { state: 'active', silencedBy: [], inhibitedBy: [] },
    generatorURL: '',
  },
];

export async function startGrafanaStandIn(): Promise<GrafanaStandIn> {
  return startStandIn((req, res, url) => {
    const send = (status: number, body: unknown) => sendJson(res, status, body);
    if (req.headers.authorization !== `Bearer ${GRAFANA_TOKEN}`) {
      send(401, { message: 'invalid API key', traceID: '' });
      return;
    }
    if (url.pathname === '/api/search') {
      const all = [
        hit(
          'lst-golden',
          'Listings Service – Golden signals',
          ['listings-service'],
          'Listings',
        ),
        hit(
          'lst-db',
          'Listings DB',
          ['postgresql', 'listings-service'],
          'Databases',
        ),
        hit(
          'pay-golden',
          'Payments – Provider calls',
          ['payments-service'],
          'Payments',
        ),
        {
          ...hit('lst', 'Listings', ['listings-service'], 'Listings'),
          type: 'dash-folder',
        },
      ];
      const type = url.searchParams.get('type');
      send(200, type ? all.filter(d => d.type === type) : all);
      return;
    }
    if (url.pathname === '/api/alertmanager/grafana/api/v2/alerts') {
      const matchers = url.searchParams.getAll('filter').map(f => {
        const m = /^(\w+)="(.*)"$/.exec(f);
        if (!m) throw new Error(`stand-in supports label="value" only: ${f}`);
        return [m[1], m[2]] as const;
      });
      send(
        200,
        alerts.filter(a =>
          matchers.every(
            ([k, v]) => (a.labels as Record<string, string>)[k] === v,
          ),
        ),
      );
      return;
    }
    send(404, { message: 'Not found' });
  });
}
