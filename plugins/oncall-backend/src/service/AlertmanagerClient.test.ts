import { mockServices } from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  RunningAlertmanager,
  startAlertmanager,
} from '../__testUtils__/alertmanager';
import { unreachableUrl } from '@gogidix/test-kit';
import { AlertmanagerClient, safeLink } from './AlertmanagerClient';
import { alertFilters } from './matchers';

describe('AlertmanagerClient against a real Alertmanager', () => {
  const logger = mockServices.logger.mock();
  let am: RunningAlertmanager;
  let client: AlertmanagerClient;

  beforeAll(async () => {
    am = await startAlertmanager();
    client = new AlertmanagerClient(
      {
        baseUrl: am.baseUrl,
        serviceLabel: 'service',
        timeoutMs: 5000,
      },
      logger,
    );
    await am.post([
      {
        labels: {
          alertname: 'ListingsServiceAvailabilityBurnPage',
          service: 'listings-service',
          severity: 'page',
        },
        annotations: {
          summary: 'Listings availability budget burning at 14.4x',
          runbook_url:
            'http://localhost:3000/runbooks/default/component/listings-service/slo-availability-burn',
        },
      },
      {
        labels: {
          alertname: 'PaymentsServiceHighErrorRate',
          service: 'payments-service',
          severity: 'ticket',
        },
        // eslint-disable-next-line no-script-url -- the attack under test
        annotations: { runbook_url: 'javascript:alert(1)' },
      },
    ]);
    // Alertmanager lists new alerts once it has processed them.
    for (let i = 0; i < 50; i++) {
      if ((await client.firingAlerts()).length === 2) break;
      await new Promise(r => setTimeout(r, 100));
    }
  }, 30_000);

  afterAll(() => am?.stop());

  it('lists everything firing, sorted by service, with runbook links', async () => {
    const alerts = await client.firingAlerts();
    expect(alerts.map(a => [a.service, a.name, a.severity])).toEqual([
      ['listings-service', 'ListingsServiceAvailabilityBurnPage', 'page'],
      ['payments-service', 'PaymentsServiceHighErrorRate', 'ticket'],
    ]);
    expect(alerts[0].runbookUrl).toBe(
      'http://localhost:3000/runbooks/default/component/listings-service/slo-availability-burn',
    );
    expect(alerts[0].summary).toBe(
      'Listings availability budget burning at 14.4x',
    );
  });

  it('drops a runbook_url that is not a web link', async () => {
    const alerts = await client.firingAlerts(
      alertFilters('service=payments-service'),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0].runbookUrl).toBeUndefined();
  });

  it('filters with the entity selector', async () => {
    const alerts = await client.firingAlerts(
      alertFilters('service=listings-service,severity=page'),
    );
    expect(alerts.map(a => a.name)).toEqual([
      'ListingsServiceAvailabilityBurnPage',
    ]);
    expect(
      await client.firingAlerts(alertFilters('service=status-page')),
    ).toEqual([]);
  });

  it('does not list silenced alerts', async () => {
    const now = new Date();
    const response = await fetch(`${am.baseUrl}/api/v2/silences`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        matchers: [
          { name: 'service', value: 'payments-service', isRegex: false },
        ],
        startsAt: now.toISOString(),
        endsAt: new Date(now.getTime() + 3_600_000).toISOString(),
        createdBy: 'test',
        comment: 'maintenance',
      }),
    });
    expect(response.ok).toBe(true);
    const { silenceID } = await response.json();
    try {
      let names: string[] = [];
      for (let i = 0; i < 50; i++) {
        names = (await client.firingAlerts()).map(a => a.service);
        if (!names.includes('payments-service')) break;
        await new Promise(r => setTimeout(r, 100));
      }
      expect(names).toEqual(['listings-service']);
    } finally {
      await fetch(`${am.baseUrl}/api/v2/silence/${silenceID}`, {
        method: 'DELETE',
      });
    }
  });
});

describe('AlertmanagerClient faults', () => {
  const logger = mockServices.logger.mock();
  it('names the source and reason when Alertmanager is down', async () => {
    const baseUrl = await unreachableUrl();
    const client = new AlertmanagerClient(
      {
        baseUrl,
        serviceLabel: 'service',
        timeoutMs: 1000,
      },
      logger,
    );
    await expect(client.firingAlerts()).rejects.toThrow(
      new RegExp(`Alertmanager at ${baseUrl} is unreachable: .*ECONNREFUSED`),
    );
  });

  it('gives up on a slow Alertmanager after the timeout', async () => {
    const server = http.createServer(() => {
      // never answers
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const client = new AlertmanagerClient(
        {
          baseUrl: `http://127.0.0.1:${port}`,
          serviceLabel: 'service',
          timeoutMs: 200,
        },
        logger,
      );
      const error = await client.firingAlerts().catch(e => e);
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toMatch(/no answer within 200 ms/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('safeLink', () => {
  it.each([
    ['https://runbooks.gogidix.dev/x', 'https://runbooks.gogidix.dev/x'],
    ['/runbooks/default/component/a/b', '/runbooks/default/component/a/b'],
    ['//evil.example/x', undefined],
    // eslint-disable-next-line no-script-url -- the attack under test
    ['javascript:alert(1)', undefined],
    ['data:text/html,x', undefined],
    ['', undefined],
  ])('%s -> %s', (url, expected) => {
    expect(safeLink(url)).toBe(expected);
  });
});
