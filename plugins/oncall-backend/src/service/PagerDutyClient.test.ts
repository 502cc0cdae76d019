import { mockServices } from '@backstage/backend-test-utils';
import {
  PagerDutyStandIn,
  STAND_IN_TOKEN,
  startPagerDutyStandIn,
} from '../__testUtils__/pagerDutyStandIn';
import { PagerDutyClient } from './PagerDutyClient';

describe('PagerDutyClient', () => {
  const logger = mockServices.logger.mock();
  const now = new Date('2026-11-27T05:00:00Z');
  let pd: PagerDutyStandIn;

  beforeAll(async () => {
    pd = await startPagerDutyStandIn(now);
  });
  afterAll(() => pd.stop());

  const client = (token = STAND_IN_TOKEN) =>
    new PagerDutyClient(
      { baseUrl: pd.baseUrl, token, timeoutMs: 2000 },
      logger,
      () => now,
    );

  it('says who is on call now and next at the first level, and what is open', async () => {
    const result = await client().serviceOnCall('PL7M2RD');
    expect(result.service.name).toBe('Listings Service');
    expect(result.escalationPolicy.name).toBe('Listings – primary');
    expect(result.now.map(s => s.user)).toEqual(['Priya Shah']);
    expect(result.now[0].end).toBe('2026-11-27T09:00:00.000Z');
    expect(result.next?.user).toBe('Tom Okafor');
    expect(result.incidents).toEqual([
      {
        id: 'Q2K8ZD5R',
        number: 4182,
        title: 'ListingsServiceAvailabilityBurnPage',
        status: 'acknowledged',
        urgency: 'high',
        createdAt: '2026-11-27T04:00:00.000Z',
        url: 'https://gogidix.pagerduty.com/incidents/Q2K8ZD5R',
        assignees: ['Priya Shah'],
      },
    ]);
  });

  it('asks /oncalls for the service’s escalation policy over the look-ahead window', async () => {
    await client().serviceOnCall('PL7M2RD');
    const oncalls = pd.requests
      .filter(r => r.url.pathname === '/oncalls')
      .pop()!.url;
    expect(oncalls.searchParams.get('since')).toBe(now.toISOString());
    expect(oncalls.searchParams.get('until')).toBe('2026-12-11T05:00:00.000Z');
  });

  it('reports a refused token with where it is set, logging PagerDuty’s answer', async () => {
    await expect(client('wrong').serviceOnCall('PL7M2RD')).rejects.toThrow(
      /^PagerDuty at .* answered 401 Unauthorized: the credential was refused; check onCall\.pagerDuty\.token/,
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^PagerDuty at .* answered 401: .*Unauthorized/),
    );
  });

  it('reports an unknown service', async () => {
    await expect(client().serviceOnCall('PNOPE00')).rejects.toThrow(
      /answered 404/,
    );
  });
});
