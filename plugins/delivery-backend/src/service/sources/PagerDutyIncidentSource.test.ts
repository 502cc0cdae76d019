import { mockServices } from '@backstage/backend-test-utils';
import { StandIn } from '@gogidix/test-kit';
import { component, fixedCatalog } from '../../__testUtils__/catalog';
import {
  PAGERDUTY_STAND_IN_TOKEN,
  PagerDutyIncidentFixture,
  startPagerDutyIncidentsStandIn,
} from '../../__testUtils__/pagerDutyIncidentsStandIn';
import { pagerDutyEndpoint } from './endpoints';
import { PagerDutyIncidentSource } from './PagerDutyIncidentSource';

const now = new Date('2026-12-07T00:00:00Z');
const minutes = (m: number) =>
  new Date(Date.parse('2026-11-01T00:00:00Z') + m * 60_000).toISOString();

/** 250 incidents on PAYMENT, every status; 3 on a contested service. */
function incidents(): PagerDutyIncidentFixture[] {
  const list: PagerDutyIncidentFixture[] = Array.from(
    { length: 250 },
    (_, i): PagerDutyIncidentFixture => {
      let status: PagerDutyIncidentFixture['status'] = 'resolved';
      if (i % 5 === 1) status = 'acknowledged';
      else if (i % 5 === 2) status = 'triggered';
      return {
        id: `Q${i}`,
        serviceId: 'PAYMENT',
        title: `Incident ${i}`,
        status,
        urgency: i % 2 ? 'low' : 'high',
        createdAt: minutes(i * 60),
        lastStatusChangeAt: minutes(i * 60 + 30),
        acknowledgedAt:
          status === 'triggered' ? undefined : minutes(i * 60 + 4),
      };
    },
  );
  for (let i = 0; i < 3; i++) {
    list.push({
      id: `X${i}`,
      serviceId: 'SHARED1',
      title: 'Shared',
      status: 'triggered',
      urgency: 'high',
      createdAt: minutes(i),
      lastStatusChangeAt: minutes(i),
    });
  }
  return list;
}

describe('PagerDutyIncidentSource against the PagerDuty stand-in', () => {
  let pagerDuty: StandIn;
  beforeAll(async () => {
    pagerDuty = await startPagerDutyIncidentsStandIn(incidents());
  });
  afterAll(() => pagerDuty.stop());

  const source = (token = PAGERDUTY_STAND_IN_TOKEN) =>
    new PagerDutyIncidentSource(
      pagerDutyEndpoint(
        { baseUrl: pagerDuty.baseUrl, token, timeoutMs: 5000 },
        mockServices.logger.mock(),
      ),
      fixedCatalog([
        component('payments', 'payments', {
          'pagerduty.com/service-id': 'PAYMENT',
        }),
        component('a', 'payments', { 'pagerduty.com/service-id': 'SHARED1' }),
        component('b', 'search', { 'pagerduty.com/service-id': 'SHARED1' }),
      ]),
      () => now,
    );

  it('reads every status across offset pages while `more`', async () => {
    pagerDuty.requests.length = 0;
    const { incidents: read } = await source().read(
      new Date('2026-11-01T00:00:00Z'),
    );
    expect(read).toHaveLength(250);
    expect(new Set(read.map(i => i.entityRef))).toEqual(
      new Set(['component:default/payments']),
    );
    expect(read[0]).toEqual({
      id: 'pagerduty:Q0',
      source: 'pagerduty',
      entityRef: 'component:default/payments',
      title: 'Incident 0',
      urgency: 'high',
      triggeredAt: minutes(0),
      acknowledgedAt: minutes(4),
      resolvedAt: minutes(30),
    });
    expect(read[1]).toMatchObject({
      acknowledgedAt: minutes(64),
      resolvedAt: null,
    });
    expect(read[2]).toMatchObject({ acknowledgedAt: null, resolvedAt: null });
    const offsets = pagerDuty.requests.map(r =>
      r.url.searchParams.get('offset'),
    );
    expect(offsets).toEqual(['0', '100', '200']);
    const first = pagerDuty.requests[0].url.searchParams;
    expect(first.getAll('statuses[]')).toEqual([
      'triggered',
      'acknowledged',
      'resolved',
    ]);
    // The contested service is never asked for.
    expect(first.getAll('service_ids[]')).toEqual(['PAYMENT']);
    expect(first.get('until')).toBe(now.toISOString());
  });

  it('names the on-call config key, never the token, when PagerDuty refuses it', async () => {
    const wrong = 'u+WrongPagerDutyKey';
    const error = await source(wrong)
      .read(new Date('2026-11-01T00:00:00Z'))
      .catch(e => e as Error);
    expect((error as Error).message).toMatch(/401.*onCall\.pagerDuty\.token/);
    expect((error as Error).message).not.toContain(wrong);
  });
});
