import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { DeliveryMetrics, MetricValue } from '@gogidix/plugin-delivery-common';
import {
  PluginTargetReaders,
  readTargetFigures,
  successTargets,
  TargetInputs,
} from './platformTargets';

const value = (v: number | null, sample = 4): MetricValue => ({
  value: v,
  previous: null,
  change: null,
  band: null,
  sample,
});

const metrics = (figures: {
  lead: number | null;
  detect: number | null;
  restore: number | null;
  incidents: number;
}): DeliveryMetrics => ({
  deploymentFrequency: value(1),
  leadTimeHours: value(figures.lead),
  changeFailureRate: value(0.1),
  timeToRestoreMinutes: value(figures.restore),
  timeToDetectMinutes: value(figures.detect),
  incidentCount: value(figures.incidents),
  openIncidents: 0,
  undetectedIncidents: 0,
});

const period = {
  from: '2026-11-08T00:00:00.000Z',
  to: '2026-12-08T00:00:00.000Z',
  days: 30,
};

const none = { value: null, detail: 'not read' };

const inputs = (overrides: Partial<TargetInputs>): TargetInputs => ({
  period,
  metrics: metrics({ lead: 6, detect: 4, restore: 45, incidents: 6 }),
  cost: none,
  slis: {},
  ...overrides,
});

const byLabel = (targets: ReturnType<typeof successTargets>) =>
  Object.fromEntries(targets.map(t => [t.label, t]));

describe('successTargets', () => {
  it('says no baseline for the reductions when none is recorded', () => {
    const targets = byLabel(successTargets(inputs({})));
    for (const label of [
      'Deployment speed 40% faster',
      'Half as many incidents',
      'Infrastructure cost 20% lower',
    ]) {
      expect(targets[label]).toMatchObject({
        unit: 'change',
        measured: null,
        status: 'no-data',
      });
    }
    expect(targets['Deployment speed 40% faster'].detail).toContain(
      'no baseline period recorded',
    );
    expect(targets['Half as many incidents'].detail).toContain(
      'no baseline period recorded',
    );
  });

  // Each row: the figure, the baseline (60 days, twice the period), and the
  // change and verdict worked out by hand.
  it.each([
    // lead 6 h against 10 h: -40%, exactly the goal.
    ['Deployment speed 40% faster', 6, 10, -0.4, 'met'],
    // lead 6 h against 9 h: -33%.
    ['Deployment speed 40% faster', 6, 9, -1 / 3, 'not-met'],
  ])(
    '%s: %d against a baseline of %d is %d, %s',
    (label, lead, baselineLead, change, status) => {
      const targets = byLabel(
        successTargets(
          inputs({
            metrics: metrics({ lead, detect: 4, restore: 45, incidents: 6 }),
            baseline: {
              period: {
                from: '2026-01-01T00:00:00.000Z',
                to: '2026-03-02T00:00:00.000Z',
                days: 60,
              },
              metrics: metrics({
                lead: baselineLead,
                detect: null,
                restore: null,
                incidents: 24,
              }),
            },
          }),
        ),
      );
      expect(targets[label].measured).toBeCloseTo(change, 9);
      expect(targets[label].status).toBe(status);
      expect(targets[label].goal).toBe(-0.4);
    },
  );

  it('compares incidents with the baseline scaled to the period length', () => {
    const targets = byLabel(
      successTargets(
        inputs({
          baseline: {
            period: {
              from: '2026-01-01T00:00:00.000Z',
              to: '2026-03-02T00:00:00.000Z',
              days: 60,
            },
            // 24 in 60 days is 12 in 30; 6 is half of that.
            metrics: metrics({
              lead: null,
              detect: null,
              restore: null,
              incidents: 24,
            }),
          },
        }),
      ),
    );
    expect(targets['Half as many incidents']).toMatchObject({
      measured: -0.5,
      status: 'met',
    });
    expect(targets['Half as many incidents'].detail).toBe(
      '6 incidents in the last 30 days against 12 in as many days of the baseline 2026-01-01 to 2026-03-02',
    );
  });

  it('rates time to detect strictly below 5 minutes and restore below 30', () => {
    const at = (detect: number, restore: number) =>
      byLabel(
        successTargets(
          inputs({
            metrics: metrics({ lead: 1, detect, restore, incidents: 1 }),
          }),
        ),
      );
    expect(at(5, 29)['Time to detect under 5 minutes'].status).toBe('not-met');
    expect(at(4.9, 29)['Time to detect under 5 minutes'].status).toBe('met');
    expect(at(4.9, 29)['Time to resolve under 30 minutes']).toMatchObject({
      measured: 29,
      goal: 30,
      unit: 'minutes',
      direction: 'atMost',
      status: 'met',
    });
  });

  it('shows each shared SLO read, and why one is missing', () => {
    const targets = byLabel(
      successTargets(
        inputs({
          slis: {
            'slo-api-gateway': { value: 0.9996, detail: 'SLI of gw' },
            'slo-ci-cd': { value: 0.99, detail: 'SLI of ci' },
            'slo-backups': { value: null, detail: 'not allowed' },
          },
        }),
      ),
    );
    expect(targets['API gateway availability 99.95%']).toMatchObject({
      measured: 0.9996,
      goal: 0.9995,
      unit: 'ratio',
      direction: 'atLeast',
      status: 'met',
      detail: 'SLI of gw',
    });
    expect(targets['CI/CD availability 99.5%'].status).toBe('not-met');
    expect(targets['Backups 100% successful']).toMatchObject({
      measured: null,
      status: 'no-data',
      detail: 'not allowed',
    });
  });
});

describe('readTargetFigures', () => {
  it('names the config key of each SLO not set, and reads those set', async () => {
    const sli = jest.fn(async () => ({ value: 0.9997, detail: 'read' }));
    const figures = await readTargetFigures(
      { cost: async () => none, sli },
      {
        slos: {
          apiGateway: {
            entityRef: 'component:default/api-gateway',
            slo: 'availability',
          },
        },
      },
      30,
      mockCredentials.user(),
    );
    expect(sli).toHaveBeenCalledTimes(1);
    expect(sli).toHaveBeenCalledWith(
      'component:default/api-gateway',
      'availability',
      mockCredentials.user(),
    );
    expect(figures.slis['slo-api-gateway']).toEqual({
      value: 0.9997,
      detail: 'read',
    });
    expect(figures.slis['slo-service-mesh']).toEqual({
      value: null,
      detail:
        'no SLO named for service mesh (set delivery.targets.slos.serviceMesh)',
    });
  });
});

describe('PluginTargetReaders', () => {
  const answer = (status: number, body?: unknown) =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });

  function readers(response: Response) {
    const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) =>
      response.clone(),
    );
    return {
      fetchMock,
      readers: new PluginTargetReaders({
        auth: mockServices.auth(),
        discovery: mockServices.discovery(),
        fetch: fetchMock as unknown as typeof fetch,
      }),
    };
  }

  it("reads an SLO's SLI on behalf of the user", async () => {
    const { readers: r, fetchMock } = readers(
      answer(200, {
        slos: [
          {
            slo: { name: 'latency', timeWindow: { duration: '28d' } },
            evaluation: { sli: 0.98 },
          },
          {
            slo: { name: 'availability', timeWindow: { duration: '28d' } },
            evaluation: { sli: 0.99962 },
          },
        ],
      }),
    );
    const reading = await r.sli(
      'component:default/api-gateway',
      'availability',
      mockCredentials.user('user:default/mara'),
    );
    expect(reading).toEqual({
      value: 0.99962,
      detail:
        'SLI of component:default/api-gateway availability over 28d (SLO plugin)',
    });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toMatch(
      /\/api\/slo\/entities\/component\/default\/api-gateway\/status$/,
    );
    // The token is the user's, for the SLO plugin.
    expect(
      String((init?.headers as Record<string, string>).Authorization),
    ).toContain('user:default/mara');
  });

  it.each([
    [answer(403), 'not allowed to read the SLOs of component:default/gw'],
    [
      answer(200, { slos: [] }),
      'component:default/gw has no SLO named availability',
    ],
    [
      answer(200, {
        slos: [
          { slo: { name: 'availability' }, evaluation: { sli: 'missing' } },
        ],
      }),
      'the SLI of component:default/gw availability is missing (SLO plugin)',
    ],
    [answer(500), 'the SLO plugin answered 500'],
  ])('says why there is no SLI (%#)', async (response, detail) => {
    const { readers: r } = readers(response);
    expect(
      await r.sli(
        'component:default/gw',
        'availability',
        mockCredentials.user(),
      ),
    ).toEqual({ value: null, detail });
  });

  it('reads the cost total of the period, or says why not', async () => {
    const ok = readers(
      answer(200, {
        currency: 'EUR',
        from: '2026-11-08',
        to: '2026-12-07',
        total: { current: 41234.5 },
      }),
    );
    expect(await ok.readers.cost(30, mockCredentials.user())).toEqual({
      value: 41234.5,
      detail: '41,235 EUR from 2026-11-08 to 2026-12-07 (cost plugin)',
    });
    expect(ok.fetchMock.mock.calls[0][0]).toMatch(
      /\/api\/cost\/overview\?days=30$/,
    );
    const refused = readers(answer(403));
    expect(await refused.readers.cost(30, mockCredentials.user())).toEqual({
      value: null,
      detail: 'not allowed to read the cost overview',
    });
  });
});
