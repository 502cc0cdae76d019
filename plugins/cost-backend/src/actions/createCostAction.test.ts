import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ServiceAnomaly } from '@gogidix/plugin-cost-common';
import { CostService } from '../service/CostService';
import { costAnswer, createCostAction } from './createCostAction';

const anomaly = (date: string, actual: number): ServiceAnomaly => ({
  date,
  actual,
  reference: 10,
  increase: actual - 10,
  category: 'Compute',
  categoryIncrease: actual - 10,
  historyDays: 28,
  usual: 10,
  usualHigh: null,
  entityRef: 'component:default/api-gateway',
  name: 'api-gateway',
  team: 'group:default/platform',
});

const period = {
  subject: 'component:default/api-gateway',
  currency: 'EUR',
  from: '2026-11-01',
  to: '2026-11-30',
  days: 30,
  notes: [],
};

describe('costAnswer', () => {
  it.each([
    // current, previous, change, ratio: what the summary says of the change
    [120, 100, 20, 0.2, '+20.0% against the 30 days before'],
    [80, 100, -20, -0.2, '-20.0% against the 30 days before'],
    [50, 0, 50, null, 'not comparable with the period before'],
    [50, 40, null, null, 'not comparable with the period before'],
  ])(
    'says %d against %d as "%s"',
    (current, previous, change, changeRatio, says) => {
      const answer = costAnswer({
        ...period,
        total: { current, previous, change, changeRatio },
        anomalies: [],
      });
      expect(answer.summary).toContain(says);
      expect(answer.summary).toContain(`${current.toFixed(2)} EUR`);
      expect(answer).toMatchObject({ total: current, previous, change });
    },
  );

  it('lists at most ten anomalies, in the order given, with the usual day', () => {
    const days = Array.from({ length: 12 }, (_, i) =>
      anomaly(`2026-11-${String(30 - i).padStart(2, '0')}`, 20 + i),
    );
    const answer = costAnswer({
      ...period,
      total: { current: 1, previous: 1, change: 0, changeRatio: 0 },
      anomalies: days,
    });
    expect(answer.anomalies.map(a => a.date)).toEqual(
      days.slice(0, 10).map(d => d.date),
    );
    expect(answer.anomalies[0]).toEqual({
      date: '2026-11-30',
      service: 'component:default/api-gateway',
      actual: 20,
      usual: 10,
      increase: 10,
      category: 'Compute',
    });
  });
});

describe('the get-cost action', () => {
  function setUp(result: AuthorizeResult) {
    const actionsRegistry = actionsRegistryServiceMock();
    const permissions = mockServices.permissions.mock();
    permissions.authorize.mockResolvedValue([{ result } as never]);
    const service = {
      entityCost: jest.fn(),
      entityAnomalies: jest.fn(),
    } as unknown as jest.Mocked<CostService>;
    createCostAction({
      actionsRegistry,
      auditor: mockServices.auditor.mock(),
      permissions,
      service,
    });
    return { actionsRegistry, permissions, service };
  }

  it('refuses a service the person may not read, before reading any cost', async () => {
    const { actionsRegistry, permissions, service } = setUp(
      AuthorizeResult.DENY,
    );
    await expect(
      actionsRegistry.invoke({
        id: 'test:get-cost',
        input: { service: 'listings-service' },
        credentials: mockCredentials.user('user:default/jane.doe'),
      }),
    ).rejects.toThrow(
      'Not allowed to read the cost of component:default/listings-service',
    );
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        expect.objectContaining({
          resourceRef: 'component:default/listings-service',
        }),
      ],
      { credentials: mockCredentials.user('user:default/jane.doe') },
    );
    expect(service.entityCost).not.toHaveBeenCalled();
  });

  it.each([
    ['both', { service: 'api-gateway', team: 'platform' }],
    ['neither', {}],
  ])(
    'asks for exactly one of service and team when given %s',
    async (_, input) => {
      const { actionsRegistry } = setUp(AuthorizeResult.ALLOW);
      await expect(
        actionsRegistry.invoke({
          id: 'test:get-cost',
          input,
          credentials: mockCredentials.user('user:default/jane.doe'),
        }),
      ).rejects.toThrow('Give exactly one of service (a component) or team');
    },
  );
});
