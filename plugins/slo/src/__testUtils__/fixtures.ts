import {
  DeployGateDecision,
  EntitySloStatus,
  evaluateSlo,
  OrgSloRow,
  OrgSloSummary,
  parseOpenSloDocuments,
} from '@gogidix/plugin-slo-common';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- test fixtures only
import { availabilitySlo, openSloYaml } from '@gogidix/test-kit';
import { SloApi } from '@gogidix/plugin-slo-common';

const DOCUMENT = openSloYaml(
  availabilitySlo({
    displayName: 'Availability',
    good: 'sum(rate(http_requests_total{code!~"5.."}[{{.window}}]))',
    total: 'sum(rate(http_requests_total[{{.window}}]))',
  }),
);

export const availability = parseOpenSloDocuments(DOCUMENT, 'openslo.yaml')
  .slos[0];

/** The entity status the backend would send: computed by the real maths. */
export function entityStatus(
  overrides: Partial<EntitySloStatus> = {},
): EntitySloStatus {
  const evaluation = evaluateSlo(
    availability,
    {
      period: 0.0004,
      '5m': 0.02,
      '30m': 0.01,
      '1h': 0.016,
      '2h': 0.004,
      '6h': 0.002,
      '1d': 0.001,
      '3d': 0.0005,
    },
    new Date('2026-11-20T10:00:00Z'),
  );
  return {
    entityRef: 'component:default/listings-service',
    at: '2026-11-20T10:00:00.000Z',
    freshness: 'live',
    sliSource: 'prometheus',
    problems: [],
    slos: [
      {
        slo: availability,
        evaluation,
        burnDown: [
          { at: '2026-11-19T10:00:00.000Z', remaining: 0.7, sli: 0.9997 },
          { at: '2026-11-20T10:00:00.000Z', remaining: 0.6, sli: 0.9996 },
        ],
        links: {
          runbook:
            'http://localhost:3000/runbooks/default/component/listings-service/slo-availability-burn',
          grafana:
            'https://grafana.gogidix.dev/d/slo-detail?var-service=listings-service&var-slo=availability',
        },
      },
    ],
    ...overrides,
  };
}

function row(
  name: string,
  owner: string,
  status: string,
  burnRate1h: number,
): OrgSloRow {
  return {
    sloId: `${name}-availability`,
    displayName: 'Availability',
    entityRef: `component:default/${name}`,
    owner,
    system: 'system:default/property-marketplace',
    tier: 'tier-0',
    target: 0.999,
    window: '28d',
    sli: 0.9991,
    budgetRemaining: status === 'exhausted' ? -0.2 : 0.6,
    burnRate1h,
    alert: 'ok',
    status,
    at: '2026-11-20T10:00:00.000Z',
  };
}

export function orgSummary(
  overrides: Partial<OrgSloSummary> = {},
): OrgSloSummary {
  const slos = [
    row('listings-service', 'group:default/listings', 'healthy', 0.4),
    row('payments-service', 'group:default/payments', 'exhausted', 3.2),
  ];
  return {
    asOf: '2026-11-20T10:00:00.000Z',
    sliSource: 'prometheus',
    filters: { owners: [], tiers: [] },
    totals: { healthy: 1, atRisk: 0, exhausted: 1, missing: 0 },
    byTeam: [
      {
        name: 'group:default/payments',
        healthy: 0,
        atRisk: 0,
        exhausted: 1,
        missing: 0,
      },
      {
        name: 'group:default/listings',
        healthy: 1,
        atRisk: 0,
        exhausted: 0,
        missing: 0,
      },
    ],
    bySystem: [
      {
        name: 'system:default/property-marketplace',
        healthy: 1,
        atRisk: 0,
        exhausted: 1,
        missing: 0,
      },
    ],
    fastestBurners: [slos[1], slos[0]],
    trend: [
      { day: '2026-11-19', healthy: 2, atRisk: 0, exhausted: 0, missing: 0 },
      { day: '2026-11-20', healthy: 1, atRisk: 0, exhausted: 1, missing: 0 },
    ],
    slos,
    ...overrides,
  };
}

export function mockSloApi(overrides: Partial<SloApi> = {}): SloApi {
  return {
    getEntityStatus: jest.fn(async () => entityStatus()),
    getOrgSummary: jest.fn(async () => orgSummary()),
    getOrgSummaryCsv: jest.fn(async () => 'sloId\n'),
    getDeployGate: jest.fn(async () => deployGateDecision()),
    getDeployGateOverrides: jest.fn(async (entityRef: string) => ({
      entityRef,
      overrides: [],
    })),
    createDeployGateOverride: jest.fn(async () => {
      throw new Error('not in this test');
    }),
    ...overrides,
  };
}

/** What the gate answers for listings-service with its availability budget overspent. */
export function deployGateDecision(
  overrides: Partial<DeployGateDecision> = {},
): DeployGateDecision {
  return {
    entityRef: 'component:default/listings-service',
    at: '2026-12-07T10:00:00.000Z',
    change: { kind: 'feature' },
    decision: 'deny',
    reason:
      'Policy denies a feature: availability has -50% of its error budget left (min-budget=10%; allow=fix,rollback)',
    policy: { text: 'min-budget=10%; allow=fix,rollback', source: 'config' },
    slos: [
      {
        sloId: 'listings-service-availability',
        name: 'availability',
        budgetRemaining: -0.5,
        target: 0.9995,
        period: '28d rolling',
        policy: 'min-budget=10%; allow=fix,rollback',
        policySource: 'config',
        verdict: 'fail',
      },
    ],
    ...overrides,
  };
}
