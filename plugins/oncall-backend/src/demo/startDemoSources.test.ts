import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  RunningAlertmanager,
  startAlertmanager,
} from '../__testUtils__/alertmanager';
import { unreachableUrl } from '@gogidix/test-kit';
import { AlertmanagerClient } from '../service/AlertmanagerClient';
import { parseDashboardSelector } from '../service/dashboardSelector';
import { GrafanaClient } from '../service/GrafanaClient';
import { PagerDutyClient } from '../service/PagerDutyClient';
import { VaultClient } from '../service/VaultClient';
import {
  grafanaSearch,
  pagerDutyIncidents,
  pagerDutyOnCalls,
  pagerDutySchedule,
  pagerDutyService,
  shapeOf,
  vaultList,
} from './__fixtures__/documentedShapes';
import { demoObjectId } from './rotation';
import { DemoSources, startDemoSources } from './startDemoSources';

const user = (name: string, displayName: string, team: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { displayName }, memberOf: [team] },
  relations: [{ type: 'memberOf', targetRef: `group:default/${team}` }],
});

// A slice of demo/org and demo/services, with the relations the catalog adds.
const entities: Entity[] = [
  user('ana.silva', 'Ana Silva', 'payments'),
  user('ben.cho', 'Ben Cho', 'payments'),
  user('jane.doe', 'Jane Doe', 'platform'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-service',
      namespace: 'default',
      title: 'Payments Service',
      annotations: {
        'pagerduty.com/service-id': 'P8HD2XC',
        'grafana/dashboard-selector': "tags @> 'payments-service'",
        'vault.io/secrets-path': 'payments/payments-service',
      },
    },
    spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/payments' },
      { type: 'dependsOn', targetRef: 'resource:default/payments-db' },
      { type: 'dependsOn', targetRef: 'component:default/billing-ledger' },
    ],
  },
];

describe('startDemoSources', () => {
  // Monday 2026-12-07 12:00 UTC: week 153 of the rotation (see rotation.test),
  // 153 mod 2 = 1, so the second member by name, ben.cho, is on call.
  const now = new Date('2026-12-07T12:00:00Z');
  const logger = mockServices.logger.mock();
  let alertmanager: RunningAlertmanager;
  let demo: DemoSources;

  beforeAll(async () => {
    alertmanager = await startAlertmanager();
    await alertmanager.post([
      {
        labels: {
          alertname: 'PaymentsServiceAvailabilityErrorBudgetBurn',
          service: 'payments-service',
          severity: 'page',
        },
        annotations: { summary: 'Availability is burning' },
        // Tuesday of week 152 (152 mod 2 = 0): ana.silva was on call.
        startsAt: '2026-12-01T10:00:00Z',
      },
    ]);
    demo = await startDemoSources({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      logger,
      alertmanager: new AlertmanagerClient(
        {
          baseUrl: alertmanager.baseUrl,
          serviceLabel: 'service',
          timeoutMs: 5000,
        },
        logger,
      ),
      portalBaseUrl: 'http://localhost:3000/',
      now: () => now,
    });
  });
  afterAll(async () => {
    await demo?.stop();
    await alertmanager?.stop();
  });

  const get = async (
    baseUrl: string,
    path: string,
    headers: Record<string, string>,
  ) => {
    const response = await fetch(`${baseUrl}${path}`, { headers });
    return { status: response.status, body: await response.json() };
  };
  const pd = (path: string, token = demo.pagerDuty.token) =>
    get(demo.pagerDuty.baseUrl, path, {
      Authorization: `Token token=${token}`,
      Accept: 'application/vnd.pagerduty+json;version=2',
    });

  it('answers in the shapes the products document', async () => {
    const policy = demoObjectId(
      'escalation_policy',
      'component:default/payments-service',
    );
    const schedule = demoObjectId(
      'schedule',
      'component:default/payments-service',
    );
    const answers = {
      oncalls: await pd(`/oncalls?escalation_policy_ids[]=${policy}`),
      service: await pd('/services/P8HD2XC'),
      schedule: await pd(`/schedules/${schedule}`),
      incidents: await pd('/incidents?service_ids[]=P8HD2XC'),
      search: await get(demo.grafana.baseUrl, '/api/search?type=dash-db', {
        Authorization: `Bearer ${demo.grafana.token}`,
      }),
      vault: await get(
        demo.vault.baseUrl,
        '/v1/secret/metadata/payments/payments-service?list=true',
        { 'X-Vault-Token': demo.vault.token },
      ),
    };
    const documented = {
      oncalls: pagerDutyOnCalls,
      service: pagerDutyService,
      schedule: pagerDutySchedule,
      incidents: pagerDutyIncidents,
      search: grafanaSearch,
      vault: vaultList,
    };
    const missing = Object.entries(documented).flatMap(([api, example]) => {
      const answer = answers[api as keyof typeof answers];
      const got = new Set(shapeOf(answer.body));
      return [
        ...(answer.status === 200 ? [] : [`${api}: status ${answer.status}`]),
        ...shapeOf(example)
          .filter(field => !got.has(field))
          .map(field => `${api}: ${field}`),
      ];
    });
    expect(missing).toEqual([]);
  });

  it('refuses a wrong credential the way each product does', async () => {
    expect(await pd('/oncalls', 'wrong')).toEqual({
      status: 401,
      body: { error: { message: 'Unauthorized', code: 2006 } },
    });
    expect(
      (await get(demo.grafana.baseUrl, '/api/search', { Authorization: 'x' }))
        .status,
    ).toBe(401);
    expect(
      await get(demo.vault.baseUrl, '/v1/secret/metadata/payments?list=true', {
        'X-Vault-Token': 'wrong',
      }),
    ).toEqual({ status: 403, body: { errors: ['permission denied'] } });
  });

  it('serves who is on call, from the owning team, through PagerDutyClient', async () => {
    const onCall = await new PagerDutyClient(
      demo.pagerDuty,
      logger,
      () => now,
    ).serviceOnCall('P8HD2XC');
    expect(onCall.service).toEqual({
      id: 'P8HD2XC',
      name: 'Payments Service',
      url: 'http://localhost:3000/catalog/default/component/payments-service/on-call',
    });
    expect(onCall.now).toEqual([
      {
        user: 'Ben Cho',
        userUrl: 'http://localhost:3000/catalog/default/user/ben.cho',
        start: '2026-12-07T09:00:00.000Z',
        end: '2026-12-14T09:00:00.000Z',
        schedule: 'payments weekly',
      },
    ]);
    expect(onCall.next).toMatchObject({
      user: 'Ana Silva',
      start: '2026-12-14T09:00:00.000Z',
    });
    // The alert posted to the real Alertmanager is the open incident,
    // assigned to whoever was on call when it started.
    expect(onCall.incidents).toEqual([
      expect.objectContaining({
        title:
          'PaymentsServiceAvailabilityErrorBudgetBurn: Availability is burning',
        status: 'triggered',
        urgency: 'high',
        createdAt: '2026-12-01T10:00:00.000Z',
        assignees: ['Ana Silva'],
      }),
    ]);
  });

  it('keeps saying who is on call when Alertmanager is down, with no incidents', async () => {
    const down = await startDemoSources({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      logger,
      alertmanager: new AlertmanagerClient(
        {
          baseUrl: await unreachableUrl(),
          serviceLabel: 'service',
          timeoutMs: 2000,
        },
        logger,
      ),
      portalBaseUrl: 'http://localhost:3000',
      now: () => now,
    });
    try {
      const onCall = await new PagerDutyClient(
        down.pagerDuty,
        logger,
        () => now,
      ).serviceOnCall('P8HD2XC');
      expect(onCall.now.map(s => s.user)).toEqual(['Ben Cho']);
      expect(onCall.incidents).toEqual([]);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /^onCall\.demo: no PagerDuty incidents for payments-service: .*unreachable/,
        ),
      );
    } finally {
      await down.stop();
    }
  });

  it('serves dashboards through GrafanaClient, named but not linked', async () => {
    const dashboards = await new GrafanaClient(demo.grafana, logger).dashboards(
      parseDashboardSelector("tags @> 'payments-service'"),
    );
    expect(dashboards).toEqual([
      {
        title: 'Payments Service – Golden signals',
        url: undefined,
        folderTitle: 'payments',
        tags: ['payments-service', 'payments'],
      },
      {
        title: 'Payments Service – SLOs',
        url: undefined,
        folderTitle: 'payments',
        tags: ['payments-service', 'slo'],
      },
    ]);
  });

  it('serves secret names, never values, through VaultClient', async () => {
    const names = await new VaultClient(demo.vault, logger).listSecretNames(
      'payments/payments-service',
    );
    expect(names.map(n => [n.name, n.url])).toEqual([
      ['payments-db', undefined],
      ['service-account', undefined],
    ]);
    const value = await get(
      demo.vault.baseUrl,
      '/v1/secret/data/payments/payments-service/payments-db',
      { 'X-Vault-Token': demo.vault.token },
    );
    expect(value).toEqual({
      status: 403,
      body: { errors: ['permission denied'] },
    });
  });
});
