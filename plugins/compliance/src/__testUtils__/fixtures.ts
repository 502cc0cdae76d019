import {
  CheckEvaluation,
  EntityCompliance,
  OrgCompliance,
} from '@gogidix/plugin-compliance-common';
import { ComplianceApi } from '@gogidix/plugin-compliance-common';

const check = (overrides: Partial<CheckEvaluation>): CheckEvaluation => ({
  checkId: 'has-owner',
  title: 'Has an owning team',
  description: 'The component names the group accountable for it.',
  howToFix: 'Set spec.owner in catalog-info.yaml.',
  level: 'bronze',
  controls: ['ISO 27001:2022 A.5.9'],
  status: 'pass',
  evidence: [
    {
      factId: 'catalog.owner',
      value: 'payments',
      source: 'catalog file:/demo/services/payments-service/catalog-info.yaml',
      collectedAt: '2026-11-27T09:00:00.000Z',
    },
  ],
  ...overrides,
});

export function entityCompliance(
  overrides: Partial<EntityCompliance> = {},
): EntityCompliance {
  return {
    entityRef: 'component:default/payments-service',
    team: 'group:default/payments',
    evaluatedAt: '2026-11-27T09:00:05.000Z',
    level: 'bronze',
    checks: [
      check({}),
      check({
        checkId: 'no-critical-vulnerabilities',
        title: 'No critical vulnerabilities',
        level: 'silver',
        controls: ['SOC 2 CC7.1', 'ISO 27001:2022 A.8.8'],
        status: 'fail',
        reason:
          'Critical vulnerabilities in the latest image scan: 1; none are allowed.',
        howToFix: 'Upgrade the affected packages and rebuild.',
        evidence: [
          {
            factId: 'trivy.critical',
            value: 1,
            source:
              'Trivy report file demo/trivy/payments-service.json of harbor.gogidix.dev/payments/payments-service:2.14.3',
            collectedAt: '2026-11-27T08:59:00.000Z',
          },
        ],
      }),
      check({
        checkId: 'slo-defined',
        title: 'SLO defined for tier-0 to tier-2',
        level: 'silver',
        status: 'error',
        reason:
          'slo.defined could not be collected: the SLO plugin is unavailable',
        evidence: [
          {
            factId: 'slo.defined',
            value: null,
            source: 'http://localhost/api/slo/summary',
            collectedAt: '2026-11-27T09:00:00.000Z',
            error: 'the SLO plugin is unavailable',
          },
        ],
      }),
      check({
        checkId: 'mtls-strict',
        title: 'Mesh mTLS STRICT',
        level: 'gold',
        status: 'waived',
        waiver: {
          id: 'w1',
          entityRef: 'component:default/payments-service',
          checkId: 'mtls-strict',
          reason: 'Legacy clients until March',
          approver: 'user:default/sofia.rossi',
          createdBy: 'user:default/jane.doe',
          createdAt: '2026-11-01T00:00:00.000Z',
          expiresAt: '2027-03-01T00:00:00.000Z',
          active: true,
        },
      }),
    ],
    controls: [
      {
        key: 'ISO 27001:2022 A.8.8',
        framework: 'ISO 27001:2022',
        id: 'A.8.8',
        title: 'Management of technical vulnerabilities',
        status: 'fail',
        checkIds: ['no-critical-vulnerabilities'],
      },
    ],
    trivy: {
      report: {
        entityRef: 'component:default/payments-service',
        artifactName: 'harbor.gogidix.dev/payments/payments-service:2.14.3',
        scannedAt: '2026-11-26T22:10:00.000Z',
        counts: { CRITICAL: 1, HIGH: 7, MEDIUM: 4, LOW: 2, UNKNOWN: 3 },
        misconfigurations: {
          CRITICAL: 0,
          HIGH: 0,
          MEDIUM: 0,
          LOW: 0,
          UNKNOWN: 0,
        },
        secrets: { CRITICAL: 0, HIGH: 1, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
        receivedAt: '2026-11-26T22:11:00.000Z',
        source: 'uploaded by user:default/ci',
      },
      rejected: null,
    },
    waivers: [
      {
        id: 'w1',
        entityRef: 'component:default/payments-service',
        checkId: 'mtls-strict',
        reason: 'Legacy clients until March',
        approver: 'user:default/sofia.rossi',
        createdBy: 'user:default/jane.doe',
        createdAt: '2026-11-01T00:00:00.000Z',
        expiresAt: '2027-03-01T00:00:00.000Z',
        active: true,
      },
    ],
    ...overrides,
  };
}

export function orgCompliance(
  overrides: Partial<OrgCompliance> = {},
): OrgCompliance {
  const zero = { passed: 0, failed: 0, errors: 0, pending: 0, waived: 0 };
  return {
    evaluatedAt: '2026-11-27T09:00:05.000Z',
    teams: ['group:default/listings', 'group:default/payments'],
    filters: { teams: [] },
    limit: 100,
    totals: {
      entities: 2,
      levels: { gold: 1, silver: 0, bronze: 1, none: 0 },
      passed: 30,
      failed: 6,
      errors: 1,
      pending: 0,
      waived: 1,
      gaps: 1,
    },
    byTeam: [
      {
        team: 'group:default/payments',
        entities: 1,
        levels: { gold: 0, silver: 0, bronze: 1, none: 0 },
        ...zero,
        passed: 11,
        failed: 6,
        errors: 1,
        pending: 0,
        waived: 1,
        passRate: 12 / 19,
      },
      {
        team: 'group:default/listings',
        entities: 1,
        levels: { gold: 1, silver: 0, bronze: 0, none: 0 },
        ...zero,
        passed: 19,
        passRate: 1,
      },
    ],
    controls: [
      {
        key: 'ISO 27001:2022 A.8.8',
        framework: 'ISO 27001:2022',
        id: 'A.8.8',
        title: 'Management of technical vulnerabilities',
        entities: 2,
        passing: 1,
        failing: 1,
        erroring: 0,
        passRate: 0.5,
      },
    ],
    heatmap: [
      {
        team: 'group:default/listings',
        control: 'ISO 27001:2022 A.8.8',
        passRate: 1,
        failing: 0,
      },
      {
        team: 'group:default/payments',
        control: 'ISO 27001:2022 A.8.8',
        passRate: 0,
        failing: 1,
      },
    ],
    trend: [
      { day: '2026-11-26', passRate: 0.7, entities: 2 },
      { day: '2026-11-27', passRate: 0.8, entities: 2 },
    ],
    campaigns: [
      {
        id: 'trivy-everywhere',
        title: 'Trivy in every pipeline',
        owner: 'group:default/platform',
        deadline: '2027-01-31',
        checkIds: ['ci-runs-trivy'],
        passing: 1,
        total: 2,
        progress: 0.5,
        history: [{ day: '2026-11-27', progress: 0.5 }],
      },
    ],
    gaps: [
      {
        entityRef: 'component:default/payments-service',
        team: 'group:default/payments',
        checkId: 'no-critical-vulnerabilities',
        title: 'No critical vulnerabilities',
        level: 'silver',
        status: 'fail',
        reason:
          'Critical vulnerabilities in the latest image scan: 1; none are allowed.',
        controls: ['ISO 27001:2022 A.8.8'],
      },
    ],
    entities: [
      {
        entityRef: 'component:default/payments-service',
        team: 'group:default/payments',
        level: 'bronze',
        passed: 11,
        failed: 6,
        errors: 1,
        pending: 0,
        waived: 1,
      },
      {
        entityRef: 'component:default/listings-service',
        team: 'group:default/listings',
        level: 'gold',
        passed: 19,
        failed: 0,
        errors: 0,
        pending: 0,
        waived: 0,
      },
    ],
    ...overrides,
  };
}

export function mockComplianceApi(
  overrides: Partial<ComplianceApi> = {},
): ComplianceApi {
  return {
    getEntityCompliance: async () => entityCompliance(),
    getOrgCompliance: async () => orgCompliance(),
    createWaiver: async () => entityCompliance().waivers[0],
    getExport: async () => new Blob(['framework,control\n']),
    ...overrides,
  };
}
