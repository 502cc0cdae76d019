import { IncomingMessage } from 'node:http';
import { DemoEstate, DemoService } from './demoEstate';
import { JsonAnswer } from '@gogidix/portal-node';

/** A dashboard hit as Grafana's `GET /api/search` documents it. */
function hit(s: DemoService, kind: 'overview' | 'slo', id: number) {
  const uid = `${s.name}-${kind}`.slice(0, 40);
  const title = `${s.title} – ${
    kind === 'overview' ? 'Golden signals' : 'SLOs'
  }`;
  const folder = s.team ?? 'general';
  return {
    id,
    uid,
    orgId: 1,
    title,
    uri: `db/${uid}`,
    url: `/d/${uid}/${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    slug: '',
    type: 'dash-db',
    tags: kind === 'overview' ? [s.name, folder] : [s.name, 'slo'],
    isStarred: false,
    folderId: 1,
    folderUid: folder,
    folderTitle: folder,
    folderUrl: `/dashboards/f/${folder}/`,
    sortMeta: 0,
  };
}

/**
 * Grafana's HTTP API for the demo organisation, as documented at
 * grafana.com/docs: `GET /api/search` (two dashboards per service that asks
 * for them, tagged with its name, filtered by `type`, `tag` and `query`) and
 * the built-in Alertmanager's `GET /api/alertmanager/grafana/api/v2/alerts`,
 * empty: the demo's alerts are Prometheus rules firing into the real
 * Alertmanager, not Grafana-managed rules. `Bearer` service account token.
 */
export function grafanaDemo(options: { token: string; estate: DemoEstate }) {
  return async (req: IncomingMessage, url: URL): Promise<JsonAnswer> => {
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      return { status: 401, body: { message: 'invalid API key' } };
    }
    if (url.pathname === '/api/search') {
      const services = (await options.estate.services()).filter(
        s => s.hasDashboards,
      );
      const type = url.searchParams.get('type');
      const tags = url.searchParams.getAll('tag');
      const query = (url.searchParams.get('query') ?? '').toLowerCase();
      const limit = Number(url.searchParams.get('limit') ?? 1000);
      const hits = services
        .flatMap((s, i) => [
          hit(s, 'overview', 2 * i + 1),
          hit(s, 'slo', 2 * i + 2),
        ])
        .filter(h => !type || h.type === type)
        .filter(h => tags.every(t => h.tags.includes(t)))
        .filter(h => h.title.toLowerCase().includes(query))
        .slice(0, Math.min(limit, 5000));
      return { status: 200, body: hits };
    }
    if (url.pathname === '/api/alertmanager/grafana/api/v2/alerts') {
      return { status: 200, body: [] };
    }
    return { status: 404, body: { message: 'Not found' } };
  };
}
