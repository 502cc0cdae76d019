import { createTestStore, demoRound } from '../__testUtils__/fixtures';
import { portalTestDatabases } from '@gogidix/test-kit';

const databases = portalTestDatabases();
const now = new Date('2026-11-27T09:00:00Z');

const slo = [
  { entityRef: 'component:default/listings-service', status: 'healthy' },
  { entityRef: 'component:default/payments-service', status: 'exhausted' },
  { entityRef: 'component:default/api-gateway', status: 'healthy' },
  { entityRef: 'component:default/identity-service', status: 'healthy' },
  { entityRef: 'component:default/search-service', status: 'at-risk' },
];

describe('ComplianceService on the demo organisation', () => {
  it('collects, evaluates and stores a round through the real retrievers', async () => {
    const store = await createTestStore(databases);
    const { summary } = await demoRound(store, { now, slo });
    expect(summary.entities).toBe(24);
    // Only the unreadable Trivy report leaves facts in error (10 Trivy facts).
    expect(summary.factErrors).toBe(10);

    const results = new Map(
      (await store.latestResults()).map(r => [r.entityRef.split('/')[1], r]),
    );
    const status = (name: string, check: string) =>
      results.get(name)!.checks.find(c => c.checkId === check)!.status;

    // The golden path service meets every check.
    expect(results.get('listings-service')!.level).toBe('gold');
    // payments: its image has a CRITICAL CVE and an SLO is out of budget.
    expect(results.get('payments-service')!.level).toBe('bronze');
    expect(status('payments-service', 'no-critical-vulnerabilities')).toBe(
      'fail',
    );
    expect(status('payments-service', 'slo-budget-left')).toBe('fail');
    // search: no Trivy in CI, a root container, a scan from June.
    expect(status('search-service', 'ci-runs-trivy')).toBe('fail');
    expect(status('search-service', 'dockerfile-non-root')).toBe('fail');
    expect(status('search-service', 'recent-scan')).toBe('fail');
    // Services without any repository files have no CI: no level at all.
    expect(results.get('status-page')!.level).toBe('none');
    // The truncated report is an error with its reason; nothing else is lost.
    const legacy = results.get('legacy-listings-importer')!;
    const critical = legacy.checks.find(
      c => c.checkId === 'no-critical-vulnerabilities',
    )!;
    expect(critical.status).toBe('error');
    expect(critical.reason).toMatch(
      /^Could not be checked: the only Trivy report received \(.*\) was refused: the file is not JSON/,
    );
    expect(legacy.checks.find(c => c.checkId === 'has-owner')!.status).toBe(
      'pass',
    );

    const evidence = results
      .get('payments-service')!
      .checks.find(c => c.checkId === 'no-critical-vulnerabilities')!
      .evidence[0];
    expect(evidence).toMatchObject({
      factId: 'trivy.critical',
      value: 1,
      source: expect.stringMatching(
        /^Trivy report file .*demo\/trivy\/payments-service\.json of harbor\.gogidix\.dev\/payments\/payments-service:2\.14\.3$/,
      ),
    });
    expect(
      await store.listFacts('component:default/payments-service'),
    ).toHaveLength(8 + 9 + 10 + 2);
  });

  it('keeps going when the SLO plugin is down: SLO checks show the reason', async () => {
    const store = await createTestStore(databases);
    const { summary } = await demoRound(store, {
      now,
      sloFetch: (async () => {
        throw new Error('connect ECONNREFUSED');
      }) as unknown as typeof fetch,
    });
    expect(summary.entities).toBe(24);
    const [listings] = await store.latestResults({
      entityRef: 'component:default/listings-service',
    });
    const sloCheck = listings.checks.find(c => c.checkId === 'slo-defined')!;
    expect(sloCheck.status).toBe('error');
    expect(sloCheck.reason).toMatch(
      /the SLO plugin is unavailable: connect ECONNREFUSED/,
    );
    expect(listings.checks.find(c => c.checkId === 'mtls-strict')!.status).toBe(
      'pass',
    );
  });

  it('applies an active waiver to a failing check and ignores an expired one', async () => {
    const store = await createTestStore(databases);
    const waiver = {
      entityRef: 'component:default/payments-service',
      checkId: 'no-critical-vulnerabilities',
      reason: 'Fixed upstream, release next week',
      approver: 'user:default/sofia.rossi',
      createdBy: 'user:default/jane.doe',
      createdAt: '2026-11-01T00:00:00.000Z',
    };
    await store.createWaiver({
      ...waiver,
      id: 'active',
      expiresAt: '2026-12-31T00:00:00.000Z',
    });
    await store.createWaiver({
      ...waiver,
      id: 'expired',
      checkId: 'slo-budget-left',
      expiresAt: '2026-11-20T00:00:00.000Z',
    });
    await demoRound(store, { now, slo });
    const [payments] = await store.latestResults({
      entityRef: 'component:default/payments-service',
    });
    const check = (id: string) => payments.checks.find(c => c.checkId === id)!;
    expect(check('no-critical-vulnerabilities')).toMatchObject({
      status: 'waived',
      waiverId: 'active',
    });
    expect(check('slo-budget-left').status).toBe('fail');
  });
});
