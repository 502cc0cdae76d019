import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, waitFor } from '@testing-library/react';
import { SWRConfig } from 'swr';
import { onCallApiRef } from '../../apiRef';
import {
  backendError,
  mockOnCallApi,
  pending,
} from '../../__testUtils__/onCallApi';
import { EntityOnCallContent } from './EntityOnCallContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'listings-service',
    namespace: 'default',
    annotations: {
      'gogidix.io/runbooks': './docs/runbooks',
      'gogidix.io/alert-selector': 'service=listings-service',
      'pagerduty.com/service-id': 'PL7M2RD',
      'gogidix.io/logs-query': 'service.name:"listings-service"',
    },
  },
  spec: { type: 'service', owner: 'listings', lifecycle: 'production' },
};

function render(
  api: ReturnType<typeof mockOnCallApi>,
  config: object = {},
  permission = mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
) {
  return renderInTestApp(
    // A fresh cache of permission answers for each render.
    <SWRConfig value={{ provider: () => new Map() }}>
      <EntityProvider entity={entity}>
        <EntityOnCallContent />
      </EntityProvider>
    </SWRConfig>,
    {
      apis: [
        [onCallApiRef, api],
        [permissionApiRef, permission],
      ],
      config: { app: { baseUrl: 'http://localhost:3000' }, ...config },
    },
  );
}

describe('EntityOnCallContent', () => {
  it('shows every card loading on its own', async () => {
    const api = mockOnCallApi();
    api.listRunbooks.mockReturnValue(pending());
    api.firingAlerts.mockReturnValue(pending());
    api.serviceOnCall.mockReturnValue(pending());
    api.grafana.mockReturnValue(pending());
    api.vaultSecrets.mockReturnValue(pending());
    await render(api);
    await waitFor(() =>
      expect(screen.getAllByTestId('progress')).toHaveLength(5),
    );
  });

  it('shows on-call, incidents, runbooks and alerts, and a failing source alone', async () => {
    const api = mockOnCallApi();
    api.listRunbooks.mockResolvedValue({
      entityRef: 'component:default/listings-service',
      expectedLocation: '/repo/docs/runbooks',
      runbooks: [
        { name: 'high-error-rate', title: 'Listings Service: high error rate' },
      ],
    });
    api.firingAlerts.mockRejectedValue(
      await backendError(
        503,
        'ServiceUnavailableError',
        'Alertmanager at http://am:9093 is unreachable: no answer within 5000 ms',
      ),
    );
    api.serviceOnCall.mockResolvedValue({
      status: 'ok',
      service: { id: 'PL7M2RD', name: 'Listings Service', url: 'https://pd/s' },
      escalationPolicy: { id: 'PEP1L57', name: 'Listings – primary' },
      now: [
        {
          user: 'Priya Shah',
          userUrl: 'https://pd/u/1',
          start: '2026-11-26T09:00:00Z',
          end: '2026-11-27T09:00:00Z',
        },
      ],
      next: {
        user: 'Tom Okafor',
        start: '2026-11-27T09:00:00Z',
        end: '2026-11-28T09:00:00Z',
      },
      incidents: [
        {
          id: 'Q2K8ZD5R',
          number: 4182,
          title: 'ListingsServiceAvailabilityBurnPage',
          status: 'acknowledged',
          urgency: 'high',
          createdAt: '2026-11-27T04:00:00Z',
          url: 'https://pd/i/Q2K8ZD5R',
          assignees: ['Priya Shah'],
        },
      ],
    });
    api.grafana.mockResolvedValue({
      status: 'ok',
      instances: [
        {
          instance: 'production',
          status: 'ok',
          dashboards: [
            {
              title: 'Listings Service – Golden signals',
              url: 'https://grafana.gogidix.dev/d/lst-golden/x',
              folderTitle: 'Listings',
              tags: ['listings-service'],
            },
          ],
          alerts: [],
        },
        {
          instance: 'staging',
          status: 'error',
          message: 'Grafana staging at http://g is unreachable: ECONNREFUSED',
        },
      ],
    });
    api.vaultSecrets.mockResolvedValue({
      status: 'ok',
      mount: 'secret',
      paths: [
        {
          path: 'listings/listings-service',
          secrets: [
            {
              name: 'database',
              path: 'listings/listings-service/database',
              url: 'https://vault/ui/vault/secrets/secret/kv/x/details',
            },
          ],
        },
      ],
    });
    await render(api);

    expect(
      await screen.findByRole('link', { name: /^database/ }),
    ).toHaveAttribute(
      'href',
      'https://vault/ui/vault/secrets/secret/kv/x/details',
    );
    expect(
      await screen.findByRole('link', { name: /Golden signals/ }),
    ).toHaveAttribute('href', 'https://grafana.gogidix.dev/d/lst-golden/x');
    expect(
      screen.getByText(
        'Grafana staging at http://g is unreachable: ECONNREFUSED',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: /Priya Shah/ }),
    ).toHaveAttribute('href', 'https://pd/u/1');
    expect(screen.getByText(/^Tom Okafor from/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: /#4182 ListingsServiceAvailabilityBurnPage/,
      }),
    ).toHaveAttribute('href', 'https://pd/i/Q2K8ZD5R');
    expect(
      screen.getByRole('link', { name: 'Listings Service: high error rate' }),
    ).toHaveAttribute(
      'href',
      '/runbooks/default/component/listings-service/high-error-rate',
    );
    expect(
      screen.getByText(
        'Alertmanager at http://am:9093 is unreachable: no answer within 5000 ms',
      ),
    ).toBeInTheDocument();
    expect(api.firingAlerts).toHaveBeenCalledWith(
      'component:default/listings-service',
    );
  });

  it('says what to configure when no source is set up', async () => {
    const api = mockOnCallApi();
    api.listRunbooks.mockResolvedValue({
      entityRef: 'component:default/listings-service',
      expectedLocation: '/repo/docs/runbooks',
      runbooks: [],
    });
    api.firingAlerts.mockResolvedValue({
      status: 'not-configured',
      configKey: 'onCall.alertmanager.baseUrl',
    });
    api.serviceOnCall.mockResolvedValue({
      status: 'not-configured',
      configKey: 'onCall.pagerDuty.token',
    });
    api.grafana.mockResolvedValue({
      status: 'not-configured',
      configKey: 'onCall.grafana.instances',
    });
    api.vaultSecrets.mockRejectedValue(
      await backendError(
        503,
        'ServiceUnavailableError',
        'Vault at https://vault answered 403 Forbidden: permission denied',
      ),
    );
    await render(api);
    expect(
      await screen.findByText(
        'Vault at https://vault answered 403 Forbidden: permission denied',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Set onCall.grafana.instances in app-config.yaml to show Grafana here.',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Set onCall.pagerDuty.token in app-config.yaml to show PagerDuty here.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Set onCall.alertmanager.baseUrl in app-config.yaml to show Alertmanager here.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'No runbooks yet: add markdown files to /repo/docs/runbooks.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Set onCall.kibana.baseUrl in app-config.yaml to show Kibana here.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Add metadata.annotations["gogidix.io/trace-service"] to this entity\'s catalog-info.yaml (see docs/annotations.md).',
      ),
    ).toBeInTheDocument();
  });

  it('links into Kibana when its base URL is configured', async () => {
    const api = mockOnCallApi();
    api.listRunbooks.mockReturnValue(pending());
    api.firingAlerts.mockReturnValue(pending());
    api.serviceOnCall.mockReturnValue(pending());
    api.grafana.mockReturnValue(pending());
    api.vaultSecrets.mockReturnValue(pending());
    await render(api, {
      onCall: { kibana: { baseUrl: 'https://logs.gogidix.dev' } },
    });
    const link = await screen.findByRole('link', { name: /Logs in Kibana/ });
    expect(link.getAttribute('href')).toMatch(
      /^https:\/\/logs\.gogidix\.dev\/app\/discover#\/\?_g=/,
    );
  });

  it('shows a team that depends on the service who is on call, and nothing else', async () => {
    const api = mockOnCallApi();
    api.serviceOnCall.mockResolvedValue({
      status: 'ok',
      service: { id: 'PL7M2RD', name: 'Listings Service', url: 'x' },
      escalationPolicy: { id: 'PEP1L57', name: 'Listings – primary' },
      now: [
        {
          user: 'Priya Shah',
          // The demo's people are the portal's own user pages.
          userUrl: 'http://localhost:3000/catalog/default/user/priya.shah',
          start: '2026-11-26T09:00:00Z',
          end: '2026-11-27T09:00:00Z',
        },
      ],
      incidents: [],
    });
    await render(
      api,
      {},
      mockApis.permission({
        authorize: request =>
          request.permission.name === 'oncall.responders.read'
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      }),
    );
    const person = await screen.findByRole('link', { name: 'Priya Shah' });
    expect(person.getAttribute('href')).toBe(
      '/catalog/default/user/priya.shah',
    );
    expect(
      screen.getByText(
        /^A service your team depends on: you see who is on call/,
      ),
    ).toBeInTheDocument();
    expect(api.firingAlerts).not.toHaveBeenCalled();
    expect(api.listRunbooks).not.toHaveBeenCalled();
    expect(api.vaultSecrets).not.toHaveBeenCalled();
    expect(api.grafana).not.toHaveBeenCalled();
  });

  it('names dashboards and secrets without links when their source has no UI (the demo)', async () => {
    const api = mockOnCallApi();
    api.listRunbooks.mockReturnValue(pending());
    api.firingAlerts.mockReturnValue(pending());
    api.serviceOnCall.mockReturnValue(pending());
    api.grafana.mockResolvedValue({
      status: 'ok',
      instances: [
        {
          instance: 'demo',
          status: 'ok',
          dashboards: [{ title: 'Listings – Golden signals', tags: [] }],
          alerts: [],
        },
      ],
    });
    api.vaultSecrets.mockResolvedValue({
      status: 'ok',
      mount: 'secret',
      paths: [
        {
          path: 'listings/listings-service',
          secrets: [
            {
              name: 'listings-db',
              path: 'listings/listings-service/listings-db',
            },
          ],
        },
      ],
    });
    await render(api);
    expect(
      await screen.findByText('Listings – Golden signals'),
    ).toBeInTheDocument();
    expect(await screen.findByText('listings-db')).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Listings – Golden signals' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'listings-db' }),
    ).not.toBeInTheDocument();
    // No Kibana to link to: the query is shown, not a dead link.
    expect(
      screen.getByText('service.name:"listings-service"'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /Logs in Kibana/ }),
    ).not.toBeInTheDocument();
  });

  it("tells a user outside the service's team who may see its on-call tab", async () => {
    const api = mockOnCallApi();
    await render(
      api,
      {},
      mockApis.permission({ authorize: AuthorizeResult.DENY }),
    );
    expect(
      await screen.findByText(
        "A service's on-call tab is for its team, their managers and on-call engineers.",
      ),
    ).toBeInTheDocument();
    expect(api.firingAlerts).not.toHaveBeenCalled();
  });
});
