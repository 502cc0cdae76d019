import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  BackendFeature,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startAlertmanager } from '../__testUtils__/alertmanager';
import { unreachableUrl } from '@gogidix/test-kit';
import {
  GRAFANA_TOKEN,
  GrafanaStandIn,
  startGrafanaStandIn,
} from '../__testUtils__/grafanaStandIn';
import {
  VAULT_TOKEN,
  VaultStandIn,
  startVaultStandIn,
} from '../__testUtils__/vaultStandIn';
import {
  PagerDutyStandIn,
  STAND_IN_TOKEN,
  startPagerDutyStandIn,
} from '../__testUtils__/pagerDutyStandIn';
import { oncallPlugin } from '../plugin';
import { createRouter, RouterOptions } from './router';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

const component = (
  name: string,
  location: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'backstage.io/managed-by-location': location,
      ...annotations,
    },
  },
  spec: { type: 'service', owner: 'listings', lifecycle: 'production' },
});

describe('oncall router', () => {
  let repo: string;
  let pd: PagerDutyStandIn;
  let grafana: GrafanaStandIn;
  let vault: VaultStandIn;
  const auth = mockCredentials.user.header();
  /** A signed-in user's GET. */
  const getAs = (server: Parameters<typeof request>[0], url: string) =>
    request(server).get(url).set('Authorization', auth);

  beforeAll(async () => {
    repo = await fs.mkdtemp(path.join(os.tmpdir(), 'oncall-router-'));
    await fs.mkdir(path.join(repo, 'svc/docs/runbooks'), { recursive: true });
    await fs.writeFile(
      path.join(repo, 'svc/docs/runbooks/high-error-rate.md'),
      '# High error rate\n\nRoll back.\n',
    );
    await fs.writeFile(path.join(repo, 'svc/docs/runbooks/notes.txt'), 'x');
    await fs.writeFile(path.join(repo, 'secret.md'), '# Secret\n');
    await fs.symlink(
      path.join(repo, 'secret.md'),
      path.join(repo, 'svc/docs/runbooks/linked.md'),
    );
    pd = await startPagerDutyStandIn(new Date());
    grafana = await startGrafanaStandIn();
    vault = await startVaultStandIn();
  });
  afterAll(async () => {
    await pd.stop();
    await grafana.stop();
    await vault.stop();
    await fs.rm(repo, { recursive: true, force: true });
  });

  const grafanaProduction = () => ({
    name: 'production',
    baseUrl: grafana.baseUrl,
    token: GRAFANA_TOKEN,
  });

  async function start(
    config: object = {},
    credentials: BackstageCredentials = mockCredentials.user(),
    permissions: BackendFeature = mockServices.permissions.factory(),
  ) {
    const location = `file:${path.join(repo, 'svc/catalog-info.yaml')}`;
    const { server } = await startTestBackend({
      features: [
        oncallPlugin,
        mockServices.rootConfig.factory({ data: config }),
        mockServices.httpAuth.factory({ defaultCredentials: credentials }),
        permissions,
        catalogServiceMock.factory({
          entities: [
            component('listings-service', location, {
              'gogidix.io/runbooks': './docs/runbooks',
              'gogidix.io/alert-selector': 'service=listings-service',
              'pagerduty.com/service-id': 'PL7M2RD',
              'grafana/dashboard-selector': "tags @> 'listings-service'",
              'grafana/alert-label-selector': 'service=listings-service',
              'vault.io/secrets-path':
                'listings/listings-service, listings/listings-service/stripe',
            }),
            component('escaper', location, {
              'gogidix.io/runbooks': '../../',
            }),
            component('bare', location, {}),
            component('bad-selector', location, {
              'grafana/dashboard-selector': 'uid = 1',
            }),
          ],
        }),
      ],
    });
    return server;
  }

  describe('for a user the policy lets read only the runbooks of listings-service', () => {
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result:
            r.permission.name === 'oncall.runbook.read' &&
            'resourceRef' in r &&
            r.resourceRef === 'component:default/listings-service'
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        })),
    }).factory;

    it.each([
      ['/api/oncall/entities/component/default/listings-service/runbooks', 200],
      ['/api/oncall/entities/component/default/escaper/runbooks', 403],
      ['/api/oncall/alerts', 403],
      ['/api/oncall/entities/component/default/listings-service/alerts', 403],
      [
        '/api/oncall/entities/component/default/listings-service/pagerduty',
        403,
      ],
      ['/api/oncall/entities/component/default/listings-service/grafana', 403],
      ['/api/oncall/entities/component/default/listings-service/vault', 403],
    ])('%s answers %s', async (url, status) => {
      const server = await start({}, mockCredentials.user(), permissions);
      expect((await request(server).get(url)).status).toBe(status);
    });
  });

  describe('for a user the policy lets see only who is on call for listings-service, as for a service their team depends on', () => {
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result:
            r.permission.name === 'oncall.responders.read' &&
            'resourceRef' in r &&
            r.resourceRef === 'component:default/listings-service'
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        })),
    }).factory;

    it.each([
      [
        '/api/oncall/entities/component/default/listings-service/pagerduty',
        200,
      ],
      ['/api/oncall/entities/component/default/escaper/pagerduty', 403],
      ['/api/oncall/entities/component/default/listings-service/alerts', 403],
      ['/api/oncall/entities/component/default/listings-service/grafana', 403],
      ['/api/oncall/entities/component/default/listings-service/vault', 403],
      ['/api/oncall/entities/component/default/listings-service/runbooks', 403],
    ])('%s answers %s', async (url, status) => {
      const server = await start(
        {
          onCall: {
            pagerDuty: { baseUrl: pd.baseUrl, token: STAND_IN_TOKEN },
          },
        },
        mockCredentials.user(),
        permissions,
      );
      expect((await request(server).get(url)).status).toBe(status);
    });
  });

  it.each([
    '/api/oncall/entities/component/default/listings-service/runbooks',
    '/api/oncall/entities/component/default/listings-service/runbooks/high-error-rate',
    '/api/oncall/alerts',
    '/api/oncall/entities/component/default/listings-service/alerts',
    '/api/oncall/entities/component/default/listings-service/pagerduty',
    '/api/oncall/entities/component/default/listings-service/grafana',
    '/api/oncall/entities/component/default/listings-service/vault',
  ])('refuses %s without credentials', async url => {
    const server = await start({}, mockCredentials.none());
    const response = await request(server).get(url);
    expect(response.status).toBe(401);
  });

  it('lists the markdown runbooks with their titles, and no file outside the folder', async () => {
    const server = await start();
    const response = await getAs(
      server,
      '/api/oncall/entities/component/default/listings-service/runbooks',
    );
    expect(response.status).toBe(200);
    expect(response.body.runbooks).toEqual([
      { name: 'high-error-rate', title: 'High error rate' },
    ]);
    expect(response.body.expectedLocation).toBe('docs/runbooks');
  });

  it('serves one runbook', async () => {
    const server = await start();
    const response = await request(server)
      .get(
        '/api/oncall/entities/component/default/listings-service/runbooks/high-error-rate',
      )
      .set('Authorization', auth);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: 'high-error-rate',
      title: 'High error rate',
      markdown: '# High error rate\n\nRoll back.\n',
      source: 'docs/runbooks/high-error-rate.md',
    });
  });

  it('says a missing runbook is missing and where it was expected', async () => {
    const server = await start();
    const response = await getAs(
      server,
      '/api/oncall/entities/component/default/listings-service/runbooks/gone',
    );
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      'Runbook missing: expected gone.md in docs/runbooks',
    );
  });

  it.each([
    ['a link out of the folder', 'listings-service/runbooks/linked', 403],
    [
      'a name with dots first',
      'listings-service/runbooks/..%2F..%2Fsecret',
      400,
    ],
    ['an annotation leaving the repository', 'escaper/runbooks/secret', 403],
    ['an entity without runbooks', 'bare/runbooks/x', 404],
    ['an unknown entity', 'nobody/runbooks/x', 404],
  ])('refuses %s', async (_, target, status) => {
    const server = await start();
    const response = await getAs(
      server,
      `/api/oncall/entities/component/default/${target}`,
    );
    expect(response.status).toBe(status);
    expect(response.text).not.toContain('# Secret');
    // Where the portal keeps repositories on disk is not for users.
    expect(response.text).not.toContain(repo);
  });

  it('names the config keys to set when nothing is configured', async () => {
    const server = await start();
    const alerts = await getAs(
      server,
      '/api/oncall/entities/component/default/listings-service/alerts',
    );
    expect(alerts.body).toEqual({
      status: 'not-configured',
      configKey: 'onCall.alertmanager.baseUrl',
    });
    const pagerDuty = await getAs(
      server,
      '/api/oncall/entities/component/default/listings-service/pagerduty',
    );
    expect(pagerDuty.body).toEqual({
      status: 'not-configured',
      configKey: 'onCall.pagerDuty.token',
    });
    const bare = await getAs(
      server,
      '/api/oncall/entities/component/default/bare/pagerduty',
    );
    expect(bare.body.configKey).toBe(
      'metadata.annotations["pagerduty.com/service-id"]',
    );
  });

  it('serves exactly the operations documented in openapi.yaml', async () => {
    const spec = parseYaml(
      readFileSync(path.join(__dirname, '../schema/openapi.yaml'), 'utf8'),
    ) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(spec.paths).flatMap(([p, item]) =>
      Object.keys(item).map(
        method => `${method} ${p.replace(/\{(\w+)\}/g, ':$1')}`,
      ),
    );
    const router = await createRouter({
      grafana: [],
      serviceLabel: 'service',
      claims: [],
    } as unknown as RouterOptions);
    // What the router itself registers, less the spec it serves.
    const served = (router.stack as RouteLayer[]).flatMap(layer =>
      layer.route && layer.route.path !== '/openapi.json'
        ? Object.keys(layer.route.methods).map(m => `${m} ${layer.route!.path}`)
        : [],
    );
    expect(served.sort()).toEqual(documented.sort());
  });

  it('refuses a query parameter the spec does not name', async () => {
    const server = await start();
    const response = await getAs(
      server,
      '/api/oncall/entities/component/default/listings-service/pagerduty?entityRef=x',
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      "Unknown query parameter 'entityRef'",
    );
  });

  it('answers on-call from PagerDuty when configured', async () => {
    const server = await start({
      onCall: { pagerDuty: { baseUrl: pd.baseUrl, token: STAND_IN_TOKEN } },
    });
    const response = await getAs(
      server,
      '/api/oncall/entities/component/default/listings-service/pagerduty',
    );
    expect(response.status).toBe(200);
    expect(response.body.now[0].user).toBe('Priya Shah');
  });

  it('says why when a source is down', async () => {
    const baseUrl = await unreachableUrl();
    const server = await start({ onCall: { alertmanager: { baseUrl } } });
    const response = await getAs(server, '/api/oncall/alerts');
    expect(response.status).toBe(503);
    expect(response.body.error.message).toMatch(
      new RegExp(`Alertmanager at ${baseUrl} is unreachable`),
    );
  });

  it('reads every Grafana instance, and one down does not hide the others', async () => {
    const server = await start({
      onCall: {
        grafana: {
          instances: [
            grafanaProduction(),
            { name: 'staging', baseUrl: await unreachableUrl(), token: 'x' },
          ],
        },
      },
    });
    const response = await getAs(
      server,
      '/api/oncall/entities/component/default/listings-service/grafana',
    );
    expect(response.status).toBe(200);
    const [production, staging] = response.body.instances;
    expect(production.status).toBe('ok');
    expect(
      production.dashboards.map((d: { title: string }) => d.title),
    ).toEqual(['Listings DB', 'Listings Service – Golden signals']);
    expect(production.alerts[0].name).toBe('ListingsP99Latency');
    expect(staging).toMatchObject({
      instance: 'staging',
      status: 'error',
      message: expect.stringMatching(/^Grafana staging .* is unreachable/),
    });
  });

  it('names what to set for Grafana, and refuses a selector it cannot read', async () => {
    const unconfigured = await start();
    const none = await request(unconfigured)
      .get('/api/oncall/entities/component/default/listings-service/grafana')
      .set('Authorization', auth);
    expect(none.body.configKey).toBe('onCall.grafana.instances');
    const bare = await request(unconfigured)
      .get('/api/oncall/entities/component/default/bare/grafana')
      .set('Authorization', auth);
    expect(bare.body.configKey).toBe(
      'metadata.annotations["grafana/dashboard-selector"]',
    );
    const server = await start({
      onCall: {
        grafana: {
          instances: [grafanaProduction()],
        },
      },
    });
    const bad = await getAs(
      server,
      '/api/oncall/entities/component/default/bad-selector/grafana',
    );
    expect(bad.status).toBe(400);
  });

  it('lists secret names for every path, and names what to set', async () => {
    const server = await start({
      onCall: { vault: { baseUrl: vault.baseUrl, token: VAULT_TOKEN } },
    });
    const response = await getAs(
      server,
      '/api/oncall/entities/component/default/listings-service/vault',
    );
    expect(response.status).toBe(200);
    expect(response.body.mount).toBe('secret');
    expect(
      response.body.paths.map(
        (p: { path: string; secrets: Array<{ name: string }> }) => [
          p.path,
          p.secrets.map(s => s.name),
        ],
      ),
    ).toEqual([
      ['listings/listings-service', ['api-keys', 'database', 'stripe/']],
      ['listings/listings-service/stripe', ['webhook-secret']],
    ]);

    const unconfigured = await start();
    const none = await request(unconfigured)
      .get('/api/oncall/entities/component/default/listings-service/vault')
      .set('Authorization', auth);
    expect(none.body.configKey).toBe('onCall.vault.token');
    const bare = await request(unconfigured)
      .get('/api/oncall/entities/component/default/bare/vault')
      .set('Authorization', auth);
    expect(bare.body.configKey).toBe(
      'metadata.annotations["vault.io/secrets-path"]',
    );
  });

  it('links org-wide alerts to the entity whose selector names the service', async () => {
    const am = await startAlertmanager();
    try {
      await am.post([
        {
          labels: { alertname: 'ListingsDown', service: 'listings-service' },
          endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        },
        {
          labels: { alertname: 'NodeDiskFull', service: 'node-exporter' },
          endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        },
      ]);
      const server = await start({
        onCall: { alertmanager: { baseUrl: am.baseUrl } },
      });
      let alerts: Array<{ name: string; entityRef?: string }> = [];
      for (let i = 0; i < 50 && alerts.length < 2; i++) {
        const response = await getAs(server, '/api/oncall/alerts');
        expect(response.status).toBe(200);
        alerts = response.body.alerts;
        await new Promise(r => setTimeout(r, 100));
      }
      expect(alerts.map(a => [a.name, a.entityRef])).toEqual([
        ['ListingsDown', 'component:default/listings-service'],
        ['NodeDiskFull', undefined],
      ]);
    } finally {
      await am.stop();
    }
  });
});
