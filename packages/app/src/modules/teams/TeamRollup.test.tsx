import { Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { DefaultEntityPresentationApi } from '@backstage/plugin-catalog';
import {
  entityPresentationApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { complianceApiRef } from '@gogidix/plugin-compliance';
import type {
  ComplianceApi,
  OrgCompliance,
} from '@gogidix/plugin-compliance-common';
import { costApiRef } from '@gogidix/plugin-cost';
import type { CostApi, CostOverview } from '@gogidix/plugin-cost-common';
import { onCallApiRef } from '@gogidix/plugin-oncall';
import type { FiringAlert, OnCallApi } from '@gogidix/plugin-oncall-common';
import { sloApiRef } from '@gogidix/plugin-slo';
import type { OrgSloSummary, SloApi } from '@gogidix/plugin-slo-common';
import { screen, within } from '@testing-library/react';
import { YourTeams } from './YourTeams';

function group(name: string, parent?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: parent
      ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
      : [],
  };
}

function component(name: string, team: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: team },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${team}` }],
  };
}

// A department that owns nothing itself, over two teams that do, and a
// team outside it whose figures must not show.
const entities = [
  group('engineering'),
  group('platform', 'engineering'),
  group('listings', 'engineering'),
  group('finance'),
  component('api-gateway', 'platform'),
  component('identity-service', 'platform'),
  component('listings-service', 'listings'),
  component('ledger', 'finance'),
];

const amara = mockApis.identity({
  userEntityRef: 'user:default/amara.okafor',
  ownershipEntityRefs: [
    'user:default/amara.okafor',
    'group:default/engineering',
  ],
});

const sloCounts = (exhausted: number, atRisk: number, healthy: number) => ({
  exhausted,
  atRisk,
  healthy,
  missing: 0,
});

const sloSummary = {
  byTeam: [
    { name: 'group:default/platform', ...sloCounts(1, 2, 3) },
    { name: 'group:default/listings', ...sloCounts(0, 0, 4) },
  ],
} as OrgSloSummary;

const costOverview = {
  currency: 'EUR',
  teams: [
    {
      team: 'group:default/platform',
      current: 1234.4,
      previous: 1000,
      change: 234.4,
      changeRatio: 0.2344,
      budget: null,
    },
    {
      team: 'group:default/finance',
      current: 999999,
      previous: 0,
      change: 999999,
      changeRatio: null,
      budget: null,
    },
  ],
} as unknown as CostOverview;

const compliance = {
  byTeam: [
    {
      team: 'group:default/listings',
      entities: 1,
      passed: 6,
      failed: 2,
      errors: 0,
      pending: 0,
      waived: 0,
      passRate: 0.75,
      levels: { gold: 0, silver: 1, bronze: 0, none: 0 },
    },
  ],
} as unknown as OrgCompliance;

const firing = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => ({ fingerprint: `f${i}` } as FiringAlert),
  );
const alertsByEntity: Record<string, number> = {
  'component:default/api-gateway': 2,
  'component:default/identity-service': 0,
  'component:default/listings-service': 1,
};

function apis(overrides: { compliance?: Partial<ComplianceApi> } = {}) {
  const sloApi = {
    getOrgSummary: jest.fn(async () => sloSummary),
  } as unknown as SloApi;
  const costApi = {
    getOverview: jest.fn(async () => costOverview),
  } as unknown as CostApi;
  const complianceApi = {
    getOrgCompliance: jest.fn(async () => compliance),
    ...overrides.compliance,
  } as unknown as ComplianceApi;
  const onCallApi = {
    firingAlerts: jest.fn(async (ref: string) => ({
      status: 'ok',
      alerts: firing(alertsByEntity[ref] ?? 0),
    })),
  } as unknown as OnCallApi;
  return {
    sloApi,
    costApi,
    complianceApi,
    onCallApi,
    list: [
      amara,
      catalogApiMock({ entities }),
      [entityPresentationApiRef, DefaultEntityPresentationApi.createLocal()],
      [sloApiRef, sloApi],
      [costApiRef, costApi],
      [complianceApiRef, complianceApi],
      [onCallApiRef, onCallApi],
    ] as const,
  };
}

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

function rowOf(team: string) {
  return within(
    screen.getByRole('link', { name: team }).closest('tr') as HTMLElement,
  );
}

describe('YourTeams', () => {
  it('shows a department lead the state of every team below her, from the org pages’ APIs', async () => {
    const mocked = apis();
    await renderInTestApp(<YourTeams />, { apis: mocked.list, mountedRoutes });

    expect(await screen.findByRole('table', { name: 'Teams' })).toBeVisible();
    // The department owns nothing itself and finance is not hers.
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(screen.queryByText('engineering')).not.toBeInTheDocument();
    expect(screen.queryByText('finance')).not.toBeInTheDocument();

    const platform = rowOf('platform');
    expect(
      platform.getByText('1 exhausted · 2 at risk · 3 healthy'),
    ).toBeVisible();
    expect(platform.getByText('€1,234')).toBeVisible();
    expect(platform.getByText('2 firing')).toBeVisible();
    expect(platform.getAllByText('—')).toHaveLength(1);

    const listings = rowOf('listings');
    expect(listings.getByText('4 healthy')).toBeVisible();
    expect(listings.getByText('75% of checks pass · 1 silver')).toBeVisible();
    expect(listings.getByText('1 firing')).toBeVisible();

    const teams = [
      'group:default/engineering',
      'group:default/listings',
      'group:default/platform',
    ];
    expect(mocked.sloApi.getOrgSummary).toHaveBeenCalledWith({ owners: teams });
    expect(mocked.complianceApi.getOrgCompliance).toHaveBeenCalledWith({
      teams,
    });
    expect(mocked.costApi.getOverview).toHaveBeenCalledWith({ days: 30 });
    expect(mocked.onCallApi.firingAlerts).toHaveBeenCalledTimes(3);
  });

  it('shows the one NotAllowed panel for a family that refuses, and the others still', async () => {
    const mocked = apis({
      compliance: {
        getOrgCompliance: async () => {
          throw new NotAllowedError('compliance.org.read');
        },
      },
    });
    await renderInTestApp(<YourTeams />, { apis: mocked.list, mountedRoutes });

    expect(await screen.findByRole('status')).toHaveTextContent('Not allowed');
    expect(
      screen.getByText(
        "A team's compliance is for its members and their managers.",
      ),
    ).toBeVisible();
    expect(rowOf('platform').getByText('€1,234')).toBeVisible();
  });

  it('counts the alerts it could read when one component has no alert selector', async () => {
    const mocked = apis();
    (mocked.onCallApi.firingAlerts as jest.Mock).mockImplementation(
      async (ref: string) =>
        ref === 'component:default/identity-service'
          ? {
              status: 'not-configured',
              configKey:
                'metadata.annotations["gogidix.io/alertmanager-selector"]',
            }
          : { status: 'ok', alerts: firing(alertsByEntity[ref] ?? 0) },
    );
    await renderInTestApp(<YourTeams />, { apis: mocked.list, mountedRoutes });

    expect(await screen.findByRole('table', { name: 'Teams' })).toBeVisible();
    expect(rowOf('platform').getByText('2 firing')).toBeVisible();
    expect(rowOf('listings').getByText('1 firing')).toBeVisible();
    expect(screen.queryByText(/Alertmanager is not set up/)).toBeNull();
  });

  it('says when Alertmanager is not set up instead of counting nothing', async () => {
    const mocked = apis();
    (mocked.onCallApi.firingAlerts as jest.Mock).mockResolvedValue({
      status: 'not-configured',
      configKey: 'oncall.alertmanager.baseUrl',
    });
    await renderInTestApp(<YourTeams />, { apis: mocked.list, mountedRoutes });

    expect(await screen.findByText(/Alertmanager is not set up/)).toBeVisible();
    expect(rowOf('platform').queryByText(/firing/)).not.toBeInTheDocument();
  });
});
