import { mockServices } from '@backstage/backend-test-utils';
import { sendJson, StandIn, startStandIn } from '@gogidix/test-kit';
import { component, fixedCatalog } from '../../__testUtils__/catalog';
import { AlertmanagerAlertSource } from './AlertmanagerAlertSource';
import { alertmanagerEndpoint } from './endpoints';

/** Alertmanager API v2's `GET /api/v2/alerts`: gettable alerts, unpaged. */
function alertmanagerStandIn(): Promise<StandIn> {
  const alert = (
    fingerprint: string,
    labels: Record<string, string>,
    startsAt: string,
  ) => ({
    fingerprint,
    labels,
    annotations: {},
    startsAt,
    endsAt: '2026-12-07T12:00:00.000Z',
    updatedAt: startsAt,
    receivers: [{ name: 'pager' }],
    status: { state: 'active', silencedBy: [], inhibitedBy: [] },
  });
  return startStandIn((_req, res, url) => {
    if (url.pathname !== '/api/v2/alerts') {
      sendJson(res, 404, 'not found');
      return;
    }
    sendJson(res, 200, [
      alert(
        'a1',
        { alertname: 'ErrorBudgetBurn', severity: 'page', service: 'payments' },
        '2026-12-07T10:00:00.000Z',
      ),
      // Two components are named search: it belongs to neither.
      alert(
        'a2',
        { alertname: 'HighLatency', service: 'search' },
        '2026-12-07T10:00:00.000Z',
      ),
      alert('a3', { alertname: 'NoService' }, '2026-12-07T10:00:00.000Z'),
      alert(
        'a4',
        { alertname: 'Old', service: 'payments' },
        '2026-11-01T00:00:00.000Z',
      ),
    ]);
  });
}

describe('AlertmanagerAlertSource', () => {
  it('stores each firing of a component’s alerts, by fingerprint and start', async () => {
    const am = await alertmanagerStandIn();
    try {
      const source = new AlertmanagerAlertSource(
        alertmanagerEndpoint(
          { baseUrl: am.baseUrl, serviceLabel: 'service', timeoutMs: 5000 },
          mockServices.logger.mock(),
        ),
        fixedCatalog([
          component('payments', 'payments'),
          component('search', 'search'),
          component('search', 'search', {}, 'other'),
        ]),
        'service',
      );
      const { alerts } = await source.read(new Date('2026-12-01T00:00:00Z'));
      expect(alerts).toEqual([
        {
          id: 'a1:2026-12-07T10:00:00.000Z',
          entityRef: 'component:default/payments',
          alertname: 'ErrorBudgetBurn',
          severity: 'page',
          startsAt: '2026-12-07T10:00:00.000Z',
          endsAt: null,
        },
      ]);
    } finally {
      await am.stop();
    }
  });

  it('ends a stored firing that Alertmanager no longer lists at the read', async () => {
    const am = await alertmanagerStandIn();
    const readAt = new Date('2026-12-07T12:05:00.000Z');
    const open = (id: string, startsAt: string) => ({
      id,
      entityRef: 'component:default/payments',
      alertname: 'ErrorBudgetBurn',
      severity: 'page',
      startsAt,
      endsAt: null,
    });
    const stored = [
      // Still listed: still firing.
      open('a1:2026-12-07T10:00:00.000Z', '2026-12-07T10:00:00.000Z'),
      // Gone from the list: resolved since the last read.
      open('gone:2026-12-07T09:00:00.000Z', '2026-12-07T09:00:00.000Z'),
    ];
    const asked: Date[] = [];
    try {
      const source = new AlertmanagerAlertSource(
        alertmanagerEndpoint(
          { baseUrl: am.baseUrl, serviceLabel: 'service', timeoutMs: 5000 },
          mockServices.logger.mock(),
        ),
        fixedCatalog([component('payments', 'payments')]),
        'service',
        async since => {
          asked.push(since);
          return stored;
        },
        () => readAt,
      );
      const since = new Date('2026-12-01T00:00:00Z');
      const { alerts } = await source.read(since);
      expect(asked).toEqual([since]);
      expect(alerts.map(a => [a.id, a.endsAt])).toEqual([
        ['a1:2026-12-07T10:00:00.000Z', null],
        ['gone:2026-12-07T09:00:00.000Z', '2026-12-07T12:05:00.000Z'],
      ]);
    } finally {
      await am.stop();
    }
  });
});
