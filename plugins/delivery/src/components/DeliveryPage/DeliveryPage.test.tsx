import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { DeliveryApi, DeliveryOverview } from '@gogidix/plugin-delivery-common';
import { download } from '@gogidix/portal-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { deliveryApiRef } from '../../apiRef';
import {
  configured,
  figure,
  metrics,
  noMetrics,
  period,
  unconfigured,
} from '../../__testUtils__/fixtures';
import { DeliveryPage } from './DeliveryPage';

// The browser's save dialog is not there to open in a test.
jest.mock('@gogidix/portal-react', () => ({
  ...jest.requireActual('@gogidix/portal-react'),
  download: jest.fn(),
}));

const PAYMENTS = 'group:default/payments';
const SEARCH = 'group:default/search';

const overview: DeliveryOverview = {
  period,
  org: metrics,
  teams: [
    { team: PAYMENTS, metrics, services: 2 },
    { team: SEARCH, metrics, services: 1 },
  ],
  services: [
    {
      entityRef: 'component:default/payments-api',
      name: 'payments-api',
      team: PAYMENTS,
      metrics: { ...metrics, deploymentFrequency: figure(3, 2, 'elite') },
    },
    {
      entityRef: 'component:default/search-service',
      name: 'search-service',
      team: SEARCH,
      metrics: { ...metrics, deploymentFrequency: figure(0.5, 1, 'high') },
    },
    {
      entityRef: 'component:default/ledger',
      name: 'ledger',
      team: PAYMENTS,
      metrics: noMetrics,
    },
  ],
  days: [
    { date: '2026-12-05', deployments: 6, failedDeployments: 1, incidents: 2 },
  ],
  sources: configured,
};

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

function render(api: Partial<DeliveryApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[deliveryApiRef, api]]}>
      <DeliveryPage />
    </TestApiProvider>,
    { mountedRoutes },
  );
}

const serviceNames = () =>
  within(screen.getByRole('table', { name: 'By service' }))
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('cell')[0].textContent);

describe('DeliveryPage', () => {
  it('shows progress while loading', async () => {
    await render({ getOverview: () => new Promise(() => {}) });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the org figures, the teams and the services', async () => {
    const getOverview = jest.fn(async () => overview);
    await render({ getOverview });
    const frequency = await screen.findByLabelText('Deployment frequency');
    expect(within(frequency).getByText('2.5 a day')).toBeInTheDocument();
    const teams = screen.getByRole('table', { name: 'By team' });
    expect(within(teams).getByText('payments')).toBeInTheDocument();
    expect(within(teams).getByText('search')).toBeInTheDocument();
    expect(serviceNames()).toEqual([
      'ledger',
      'payments-api',
      'search-service',
    ]);
    expect(getOverview).toHaveBeenCalledWith({ days: 30, team: undefined });
  });

  it('sorts services by a figure, those without one last', async () => {
    await render({ getOverview: async () => overview });
    const table = await screen.findByRole('table', { name: 'By service' });
    const header = within(table).getByRole('button', {
      name: 'Deployment frequency',
    });
    fireEvent.click(header);
    expect(serviceNames()).toEqual([
      'search-service',
      'payments-api',
      'ledger',
    ]);
    fireEvent.click(header);
    expect(serviceNames()).toEqual([
      'payments-api',
      'search-service',
      'ledger',
    ]);
  });

  it('narrows to the team picked', async () => {
    const getOverview = jest.fn(async () => overview);
    await render({ getOverview });
    fireEvent.change(await screen.findByLabelText('Team'), {
      target: { value: PAYMENTS },
    });
    await waitFor(() =>
      expect(getOverview).toHaveBeenLastCalledWith({
        days: 30,
        team: PAYMENTS,
      }),
    );
  });

  it('shows the success-metric targets against what was measured', async () => {
    await render({
      getOverview: async () => ({
        ...overview,
        targets: [
          {
            label: 'Mean time to detect',
            goal: 5,
            unit: 'minutes',
            direction: 'atMost',
            measured: 4,
            status: 'met',
            detail: 'PagerDuty incidents after a burn alert',
          },
          {
            label: 'API gateway availability',
            goal: 0.9995,
            unit: 'ratio',
            direction: 'atLeast',
            measured: 0.9991,
            status: 'not-met',
            detail: 'SLO of api-gateway',
          },
          {
            label: 'Infrastructure cost',
            goal: -0.2,
            unit: 'change',
            direction: 'atMost',
            measured: null,
            status: 'no-data',
            detail: 'No cost baseline yet',
          },
        ],
      }),
    });
    const table = await screen.findByRole('table', {
      name: 'Success-metric targets',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => r.textContent)).toEqual([
      'Mean time to detectPagerDuty incidents after a burn alertat most 5 min4 minMet',
      'API gateway availabilitySLO of api-gatewayat least 99.95%99.91%Missed',
      'Infrastructure costNo cost baseline yetat most -20%–Not measured',
    ]);
  });

  it('names the sources to configure when there is nothing yet', async () => {
    await render({
      getOverview: async () => ({
        ...overview,
        org: noMetrics,
        teams: [],
        services: [],
        days: [],
        sources: unconfigured,
      }),
    });
    expect(
      await screen.findByText(
        'No deployments or incidents in the last 30 days',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('GitHub deployments')).toBeInTheDocument();
    expect(
      screen.getByText(
        ': set delivery.pagerduty, or annotate pagerduty.com/service-id',
        { exact: false },
      ),
    ).toBeInTheDocument();
  });

  it('exports what is shown as CSV', async () => {
    const exportCsv = jest.fn(async () => 'service,team\n');
    await render({ getOverview: async () => overview, exportCsv });
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await waitFor(() =>
      expect(download).toHaveBeenCalledWith(
        'service,team\n',
        'delivery-all-30d.csv',
      ),
    );
    expect(exportCsv).toHaveBeenCalledWith({ days: 30, team: undefined });
  });

  it('shows the not-allowed panel when the backend refuses', async () => {
    await render({
      getOverview: async () => {
        throw Object.assign(new Error('no team of yours'), {
          name: 'NotAllowedError',
        });
      },
    });
    expect(await screen.findByTestId('not-allowed')).toHaveTextContent(
      "A team's delivery is for its members and their managers.",
    );
  });
});
