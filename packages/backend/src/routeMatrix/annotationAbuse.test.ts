import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import costPlugin from '@gogidix/plugin-cost-backend';
import oncallPlugin from '@gogidix/plugin-oncall-backend';
import { focusCsv, focusRow, freePort } from '@gogidix/test-kit';
// The plugins' stand-ins speak the real wire formats; they are test code,
// shared here rather than copied, and not part of the plugins' API.
/* eslint-disable @backstage/no-forbidden-package-imports */
import {
  RunningAlertmanager,
  startAlertmanager,
} from '@gogidix/plugin-oncall-backend/src/__testUtils__/alertmanager';
import {
  GRAFANA_TOKEN,
  GrafanaStandIn,
  startGrafanaStandIn,
} from '@gogidix/plugin-oncall-backend/src/__testUtils__/grafanaStandIn';
import {
  PagerDutyStandIn,
  STAND_IN_TOKEN,
  startPagerDutyStandIn,
} from '@gogidix/plugin-oncall-backend/src/__testUtils__/pagerDutyStandIn';
import {
  SECRET_VALUE,
  VAULT_TOKEN,
  VaultStandIn,
  startVaultStandIn,
} from '@gogidix/plugin-oncall-backend/src/__testUtils__/vaultStandIn';
/* eslint-enable @backstage/no-forbidden-package-imports */
import { Server } from 'node:http';
import request from 'supertest';

/**
 * The annotation abuse matrix: a developer of the platform team edits their
 * own components' catalog-info.yaml to point at what the listings team owns.
 * Each row is one hostile annotation, the route that follows it, and what
 * must come back; every mismatch is collected before one assertion.
 */
jest.setTimeout(120_000);

const OWN_REPO = 'url:https://git.gogidix.dev/platform';
const LISTINGS = 'component:default/listings-service';

function component(
  name: string,
  owner: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `${OWN_REPO}/${name}/blob/main/catalog-info.yaml`,
        ...annotations,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

const ENTITIES: Entity[] = [
  ...['listings', 'platform'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  })),
  // The victim, annotated as docs/annotations.md says.
  component('listings-service', 'listings', {
    'gogidix.io/alert-selector': 'service=listings-service',
    'pagerduty.com/service-id': 'PL7M2RD',
    'vault.io/secrets-path': 'listings/listings-service',
    'backstage.io/kubernetes-id': 'listings-service',
    'backstage.io/kubernetes-namespace': 'listings',
    'gogidix.io/cost-center': 'listings',
  }),
  // The platform team's own components, one hostile annotation each.
  component('evil-runbooks', 'platform', {
    'gogidix.io/runbooks':
      'https://git.gogidix.dev/listings/listings-service/tree/main/docs/runbooks',
  }),
  component('evil-vault', 'platform', {
    'vault.io/secrets-path': 'platform/evil-vault, listings/listings-service',
  }),
  component('evil-vault-mount', 'platform', {
    'vault.io/secrets-path': 'platform/evil-vault-mount',
    'vault.io/secrets-engine': 'listings-kv',
  }),
  component('evil-alerts', 'platform', {
    'gogidix.io/alert-selector': 'service=~".+"',
  }),
  component('evil-alerts-named', 'platform', {
    'gogidix.io/alert-selector': 'service=listings-service',
  }),
  component('quiet-alerts', 'platform', {
    'gogidix.io/alert-selector': 'severity=~"page|ticket"',
  }),
  component('evil-grafana', 'platform', {
    'grafana/alert-label-selector': 'service=~".*"',
  }),
  component('evil-pagerduty', 'platform', {
    'pagerduty.com/service-id': 'PL7M2RD',
  }),
  component('evil-cost', 'platform', {
    'backstage.io/kubernetes-id': 'listings-service',
    'backstage.io/kubernetes-namespace': 'listings',
  }),
  component('evil-cost-center', 'platform', {
    'gogidix.io/cost-center': 'listings',
  }),
];

interface AbuseRow {
  annotation: string;
  hostile: string;
  path: string;
  status: number;
  /** What the answer must say (the refusal names the annotation). */
  message?: RegExp;
  /** A further check of the body; returns what is wrong, if anything. */
  check?: (body: any) => string | undefined;
}

/** component:default/x → /api/cost/entities/component/default/x/cost */
const cost = (ref: string) =>
  `/api/cost/entities/${ref.replace(':', '/')}/cost`;

/** Charged nothing, and says which claim collides. */
const chargedNothingAndShows =
  (conflict: RegExp) =>
  (body: { change?: { current: number }; conflicts?: string[] }) => {
    if (body.change?.current !== 0) {
      return `was charged ${body.change?.current} of a contested key`;
    }
    return body.conflicts?.some(c => conflict.test(c))
      ? undefined
      : 'does not show the conflict';
  };

const noListingsAlerts = (body: { alerts?: Array<{ service: string }> }) =>
  body.alerts?.some(a => a.service === 'listings-service')
    ? "returned the listings team's alerts"
    : undefined;

const ROWS: AbuseRow[] = [
  {
    annotation: 'gogidix.io/runbooks',
    hostile: "another team's repository",
    path: '/api/oncall/entities/component/default/evil-runbooks/runbooks',
    status: 403,
    message: /gogidix\.io\/runbooks points outside the repository/,
  },
  {
    annotation: 'vault.io/secrets-path',
    hostile: "another team's path",
    path: '/api/oncall/entities/component/default/evil-vault/vault',
    status: 403,
    message:
      /vault\.io\/secrets-path "listings\/listings-service" is outside platform's secrets; use a path under platform\//,
  },
  {
    annotation: 'vault.io/secrets-engine',
    hostile: 'another mount',
    path: '/api/oncall/entities/component/default/evil-vault-mount/vault',
    status: 403,
    message: /vault\.io\/secrets-engine may only name the secret mount/,
  },
  {
    annotation: 'vault.io/secrets-path',
    hostile: '(the owner reading its own path: allowed)',
    path: '/api/oncall/entities/component/default/listings-service/vault',
    status: 200,
  },
  {
    annotation: 'gogidix.io/alert-selector',
    hostile: 'service=~".+" (every alert)',
    path: '/api/oncall/entities/component/default/evil-alerts/alerts',
    status: 403,
    message: /gogidix\.io\/alert-selector may not match service with =~/,
  },
  {
    annotation: 'gogidix.io/alert-selector',
    hostile: "another team's service",
    path: '/api/oncall/entities/component/default/evil-alerts-named/alerts',
    status: 403,
    message: /service="listings-service".*set it to "evil-alerts-named"/,
  },
  {
    annotation: 'gogidix.io/alert-selector',
    hostile: 'no service term at all',
    path: '/api/oncall/entities/component/default/quiet-alerts/alerts',
    status: 200,
    check: noListingsAlerts,
  },
  {
    annotation: 'gogidix.io/alert-selector',
    hostile: '(the owner: its own alerts)',
    path: '/api/oncall/entities/component/default/listings-service/alerts',
    status: 200,
    check: body =>
      body.alerts?.length === 1 ? undefined : 'did not return its own alert',
  },
  {
    annotation: 'grafana/alert-label-selector',
    hostile: 'service=~".*"',
    path: '/api/oncall/entities/component/default/evil-grafana/grafana',
    status: 403,
    message: /grafana\/alert-label-selector may not match service/,
  },
  {
    annotation: 'pagerduty.com/service-id',
    hostile: "another team's service",
    path: '/api/oncall/entities/component/default/evil-pagerduty/pagerduty',
    status: 409,
    message:
      /component:default\/evil-pagerduty \(group:default\/platform\) and component:default\/listings-service \(group:default\/listings\).*gogidix\.claims/,
  },
  {
    annotation: 'pagerduty.com/service-id',
    hostile: '(the victim sees the conflict too)',
    path: '/api/oncall/entities/component/default/listings-service/pagerduty',
    status: 409,
    message: /evil-pagerduty/,
  },
  {
    annotation: 'backstage.io/kubernetes-id',
    hostile: "another team's workload and namespace",
    path: cost('component:default/evil-cost'),
    status: 200,
    check: chargedNothingAndShows(
      /backstage\.io\/kubernetes-id "listings-service" is claimed by/,
    ),
  },
  {
    annotation: 'backstage.io/kubernetes-namespace',
    hostile: '(the victim sees the conflict, and is charged nothing contested)',
    path: cost(LISTINGS),
    status: 200,
    check: chargedNothingAndShows(
      /backstage\.io\/kubernetes-namespace "listings" is claimed by .*evil-cost/,
    ),
  },
  {
    annotation: 'backstage.io/kubernetes-id',
    hostile: '(contested cost is unallocated, with the reason)',
    path: '/api/cost/overview?days=30',
    status: 200,
    check: body =>
      body.unallocated === 100
        ? undefined
        : `unallocated is ${body.unallocated}, expected the contested 100`,
  },
  {
    annotation: 'gogidix.io/cost-center',
    hostile: "another team's cost centre",
    path: cost('component:default/evil-cost-center'),
    status: 200,
    check: body =>
      body.conflicts?.some((c: string) =>
        /gogidix\.io\/cost-center "listings" is not this component's owner \(platform\)/.test(
          c,
        ),
      )
        ? undefined
        : 'does not say the cost centre is refused',
  },
];

describe('the annotation abuse matrix', () => {
  let server: Server;
  let stop: () => Promise<void>;
  let pd: PagerDutyStandIn;
  let grafana: GrafanaStandIn;
  let vault: VaultStandIn;
  let am: RunningAlertmanager;

  beforeAll(async () => {
    [pd, grafana, vault, am] = await Promise.all([
      startPagerDutyStandIn(new Date()),
      startGrafanaStandIn(),
      startVaultStandIn(),
      freePort().then(startAlertmanager),
    ]);
    const endsAt = new Date(Date.now() + 3_600_000).toISOString();
    await am.post([
      {
        labels: { alertname: 'ListingsDown', service: 'listings-service' },
        endsAt,
      },
      {
        labels: {
          alertname: 'PlatformSlow',
          service: 'quiet-alerts',
          severity: 'page',
        },
        endsAt,
      },
    ]);
    const backend = await startTestBackend({
      features: [
        oncallPlugin,
        costPlugin,
        mockServices.permissions.factory(),
        catalogServiceMock.factory({ entities: ENTITIES }),
        mockServices.rootConfig.factory({
          data: {
            onCall: {
              alertmanager: { baseUrl: am.baseUrl },
              pagerDuty: { baseUrl: pd.baseUrl, token: STAND_IN_TOKEN },
              grafana: {
                instances: [
                  {
                    name: 'production',
                    baseUrl: grafana.baseUrl,
                    token: GRAFANA_TOKEN,
                  },
                ],
              },
              vault: { baseUrl: vault.baseUrl, token: VAULT_TOKEN },
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
    // The cost window ends on the last day with charges: any date will do.
    const imported = await request(server)
      .post('/api/cost/imports?source=abuse.csv')
      .set('Content-Type', 'text/csv')
      .send(
        focusCsv([
          focusRow({
            EffectiveCost: '100',
            Tags: JSON.stringify({
              'app.kubernetes.io/name': 'listings-service',
              'kubernetes-namespace': 'listings',
            }),
          }),
        ]),
      );
    if (imported.status !== 201) {
      throw new Error(`The cost import failed: ${imported.text}`);
    }
    // Alertmanager accepts alerts before it serves them: wait for both.
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${am.baseUrl}/api/v2/alerts`);
      if (((await res.json()) as unknown[]).length === 2) break;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  });

  afterAll(async () => {
    await stop?.();
    await Promise.all([pd?.stop(), grafana?.stop(), vault?.stop(), am?.stop()]);
  });

  it('follows each annotation only to what its owner owns', async () => {
    const wrong: string[] = [];
    for (const row of ROWS) {
      const res = await request(server).get(row.path);
      const problems = [
        res.status !== row.status && `${res.status}, expected ${row.status}`,
        row.message &&
          !row.message.test(res.body?.error?.message ?? '') &&
          `says "${res.body?.error?.message ?? res.text.slice(0, 120)}"`,
        res.status === row.status && row.check?.(res.body),
        res.text.includes(SECRET_VALUE) && 'echoes a secret value',
      ].filter(Boolean);
      if (problems.length > 0) {
        wrong.push(
          `${row.annotation} (${row.hostile}) GET ${row.path}: ${problems.join(
            '; ',
          )}`,
        );
      }
    }
    // Vault listed the listings path once, for its owner's row only.
    const listed = vault.requests.filter(r =>
      r.url.pathname.startsWith('/v1/secret/metadata/listings/'),
    ).length;
    if (listed !== 1) {
      wrong.push(
        `vault.io/secrets-path: the listings path was listed ${listed} times, expected once (by its owner)`,
      );
    }
    process.stdout.write(`Annotation abuse matrix: ${ROWS.length} rows\n`);
    expect(wrong).toEqual([]);
  });
});
