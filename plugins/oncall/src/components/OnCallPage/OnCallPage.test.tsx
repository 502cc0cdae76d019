import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { FiringAlert } from '@gogidix/plugin-oncall-common';
import { screen, within } from '@testing-library/react';
import { SWRConfig } from 'swr';
import { onCallApiRef } from '../../apiRef';
import {
  backendError,
  mockOnCallApi,
  pending,
} from '../../__testUtils__/onCallApi';
import { OnCallPage } from './OnCallPage';

const alert = (
  service: string,
  severity: string,
  name: string,
  runbookUrl?: string,
): FiringAlert => ({
  fingerprint: `${service}-${name}`,
  name,
  severity,
  service,
  summary: `${name} summary`,
  runbookUrl,
  startsAt: '2026-11-27T04:00:00Z',
  labels: {},
});

function render(
  api: ReturnType<typeof mockOnCallApi>,
  permission = mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
) {
  return renderInTestApp(
    // A fresh cache of permission answers for each render.
    <SWRConfig value={{ provider: () => new Map() }}>
      <OnCallPage />
    </SWRConfig>,
    {
      apis: [
        [onCallApiRef, api],
        [permissionApiRef, permission],
      ],
      config: { app: { baseUrl: 'http://localhost:3000' } },
    },
  );
}

describe('OnCallPage', () => {
  it('shows progress while Alertmanager answers', async () => {
    const api = mockOnCallApi();
    api.firingAlerts.mockReturnValue(pending());
    await render(api);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('lists what fires by service and severity, each with its runbook', async () => {
    const api = mockOnCallApi();
    api.firingAlerts.mockResolvedValue({
      status: 'ok',
      alerts: [
        alert('payments-service', 'ticket', 'PaymentsServiceHighErrorRate'),
        {
          ...alert(
            'listings-service',
            'page',
            'ListingsServiceAvailabilityBurnPage',
            'http://localhost:3000/runbooks/default/component/listings-service/slo-availability-burn',
          ),
          entityRef: 'component:default/listings-service',
        },
        alert(
          'payments-service',
          'page',
          'PaymentsServiceAvailabilityBurnPage',
          'https://wiki.gogidix.dev/payments',
        ),
      ],
    });
    await render(api);
    const listingsPage = await screen.findByRole('region', {
      name: 'listings-service page',
    });
    expect(api.firingAlerts).toHaveBeenCalledWith();
    expect(
      within(listingsPage).getByRole('link', { name: 'Runbook' }),
    ).toHaveAttribute(
      'href',
      '/runbooks/default/component/listings-service/slo-availability-burn',
    );
    const paymentsTicket = screen.getByRole('region', {
      name: 'payments-service ticket',
    });
    expect(
      within(paymentsTicket).getByText('No runbook_url on this alert'),
    ).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('region', { name: 'payments-service page' }),
      ).getByRole('link', { name: /Runbook/ }),
    ).toHaveAttribute('href', 'https://wiki.gogidix.dev/payments');
    expect(screen.getByText('2 firing')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'listings-service' }),
    ).toHaveAttribute('href', '/catalog/default/component/listings-service');
    expect(
      screen.queryByRole('link', { name: 'payments-service' }),
    ).not.toBeInTheDocument();
  });

  it('says when nothing fires', async () => {
    const api = mockOnCallApi();
    api.firingAlerts.mockResolvedValue({ status: 'ok', alerts: [] });
    await render(api);
    expect(await screen.findByText('Nothing is firing')).toBeInTheDocument();
  });

  it('names the key to set when Alertmanager is not configured', async () => {
    const api = mockOnCallApi();
    api.firingAlerts.mockResolvedValue({
      status: 'not-configured',
      configKey: 'onCall.alertmanager.baseUrl',
    });
    await render(api);
    expect(
      await screen.findByText(
        'Set onCall.alertmanager.baseUrl in app-config.yaml to show Alertmanager here.',
      ),
    ).toBeInTheDocument();
  });

  it('shows why Alertmanager could not be read', async () => {
    const api = mockOnCallApi();
    api.firingAlerts.mockRejectedValue(
      await backendError(
        503,
        'ServiceUnavailableError',
        'Alertmanager at http://am:9093 is unreachable: fetch failed (ECONNREFUSED)',
      ),
    );
    await render(api);
    expect(
      await screen.findByText(
        'Alertmanager at http://am:9093 is unreachable: fetch failed (ECONNREFUSED)',
      ),
    ).toBeInTheDocument();
  });

  it('tells a user who is not on call where their alerts are', async () => {
    const api = mockOnCallApi();
    await render(api, mockApis.permission({ authorize: AuthorizeResult.DENY }));
    expect(
      await screen.findByText(
        /The list of every firing alert is for on-call engineers/,
      ),
    ).toBeInTheDocument();
    expect(api.firingAlerts).not.toHaveBeenCalled();
  });
});
