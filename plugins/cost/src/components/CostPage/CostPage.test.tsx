import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  CostApi,
  CostInvoice,
  CostOverview,
  CostSavings,
} from '@gogidix/plugin-cost-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { costApiRef } from '../../apiRef';
import { CostPage } from './CostPage';

const change = (current: number, previous: number) => ({
  current,
  previous,
  change: current - previous,
  changeRatio: previous ? (current - previous) / previous : null,
});

// What the backend answers when the previous period is not fully covered.
const noChange = (current: number, previous: number) => ({
  current,
  previous,
  change: null,
  changeRatio: null,
});

const coverage = (
  from: string,
  to: string,
  days: number,
  withData: number,
) => ({
  from,
  to,
  days,
  daysWithData: withData,
});

// Teams arrive as full group refs and read as their names.
const AI = 'group:default/ai';
const SEARCH = 'group:default/search';

const overview: CostOverview = {
  currency: 'EUR',
  days: 30,
  from: '2026-10-28',
  to: '2026-11-26',
  team: null,
  total: change(30000, 27000),
  comparison: {
    current: coverage('2026-10-28', '2026-11-26', 30, 30),
    previous: coverage('2026-09-28', '2026-10-27', 30, 30),
    comparable: true,
  },
  unallocated: 290,
  unallocatedReasons: [
    {
      reason: "tag gogidix:service = 'old-api' names no catalog component",
      cost: 96,
    },
  ],
  daily: [
    {
      date: '2026-11-26',
      total: 1000,
      parts: { [AI]: 600, [SEARCH]: 400 },
    },
  ],
  teams: [
    {
      team: AI,
      ...change(18000, 15000),
      budget: { monthly: 9000, monthToDate: 8000, forecast: 9800 },
    },
    { team: SEARCH, ...change(6000, 6000), budget: null },
    { team: 'unallocated', ...change(290, 280), budget: null },
  ],
  systems: [{ system: 'ai-services', ...change(18000, 15000) }],
  movers: [
    {
      entityRef: 'component:default/model-training-pipeline',
      name: 'model-training-pipeline',
      team: AI,
      ...change(5800, 2700),
    },
  ],
  anomalies: [
    {
      team: SEARCH,
      name: 'search-service',
      entityRef: 'component:default/search-service',
      date: '2026-11-17',
      actual: 340,
      historyDays: 28,
      usual: 200,
      usualHigh: null,
      reference: 200,
      increase: 140,
      category: 'Analytics',
      categoryIncrease: 144,
    },
    {
      team: AI,
      name: 'model-training-pipeline',
      entityRef: 'component:default/model-training-pipeline',
      date: '2026-11-14',
      actual: 2000,
      historyDays: 28,
      usual: 5,
      usualHigh: 416,
      reference: 416,
      increase: 1584,
      category: 'AI and Machine Learning',
      categoryIncrease: 1590,
    },
  ],
  unchecked: [],
  forecast: {
    month: '2026-11',
    monthToDate: 26000,
    forecast: 31000,
    remainingDays: 4,
  },
};

const savings: CostSavings = {
  currency: 'EUR',
  totalMonthlySaving: 1258,
  recommendations: [
    {
      kind: 'idle-gpu',
      target: 'ai/image-classifier',
      entityRef: null,
      owner: AI,
      monthlySaving: 1258,
      detail:
        'GPUs 12% utilised over 336 h; move to a smaller profile or share the GPU',
    },
  ],
};

const invoice = (basis: CostInvoice['basis']): CostInvoice => ({
  basis,
  periods: [
    {
      month: '2026-11',
      currency: 'EUR',
      billedCost: 24123.45,
      effectiveCost: 25010.07,
      listCost: 29000,
      contractedCost: 27550,
      negotiatedSavings: 1450,
      commitmentSavings: 2539.93,
      categories: [
        {
          chargeCategory: 'Usage',
          correction: false,
          rows: 900,
          billedCost: 20000,
          effectiveCost: 25018.07,
        },
        {
          chargeCategory: 'Adjustment',
          correction: true,
          rows: 1,
          billedCost: -5.5,
          effectiveCost: -5.5,
        },
      ],
      accounts: [
        {
          billingAccountId: '111122223333',
          billedCost: 24123.45,
          effectiveCost: 25010.07,
        },
      ],
    },
  ],
});

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

function render(api: Partial<CostApi>) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          costApiRef,
          {
            getSavings: async () => savings,
            getInvoice: async ({ basis }) => invoice(basis),
            ...api,
          },
        ],
      ]}
    >
      <CostPage />
    </TestApiProvider>,
    { mountedRoutes },
  );
}

describe('CostPage', () => {
  it('shows progress while loading', async () => {
    await render({ getOverview: () => new Promise(() => {}) });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error', async () => {
    await render({
      getOverview: async () => {
        throw new Error('no cost backend');
      },
    });
    expect(
      await screen.findByText('Error: no cost backend'),
    ).toBeInTheDocument();
  });

  it('says how to get data in when nothing was imported', async () => {
    await render({
      getOverview: async () => ({
        ...overview,
        total: change(0, 0),
        teams: [],
        movers: [],
        anomalies: [],
        unchecked: [],
      }),
    });
    expect(await screen.findByText('No cost imported yet')).toBeInTheDocument();
  });

  it('shows totals, movers linking to the service, anomalies, budget and savings', async () => {
    const getOverview = jest.fn(async () => overview);
    await render({ getOverview });
    expect(await screen.findByText('€30,000')).toBeInTheDocument();
    expect(screen.getByText('+11%')).toBeInTheDocument();

    const movers = screen.getByRole('table', { name: 'Top movers' });
    expect(
      within(movers).getByRole('link', { name: 'model-training-pipeline' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/model-training-pipeline',
    );
    expect(within(movers).getByText('+€3,100 (+115%)')).toBeInTheDocument();

    const anomalies = screen.getByRole('table', { name: 'Anomalies' });
    expect(
      within(anomalies).getByRole('link', { name: 'search-service' }),
    ).toHaveAttribute('href', '/catalog/default/component/search-service');
    expect(
      within(anomalies).getByText('€340 (usual €200)'),
    ).toBeInTheDocument();
    expect(within(anomalies).getByText('Analytics: +€144')).toBeInTheDocument();
    // A bursty service is compared with its busy days, not its idle ones.
    expect(
      within(anomalies).getByText('€2,000 (usual on its busy days €416)'),
    ).toBeInTheDocument();

    const teams = screen.getByRole('table', { name: 'By team' });
    expect(within(teams).getByRole('link', { name: 'ai' })).toHaveAttribute(
      'href',
      '/catalog/default/group/ai',
    );
    expect(within(anomalies).getByText('search')).toBeInTheDocument();
    expect(
      within(teams).getByText('€8,000 of €9,000; forecast €9,800'),
    ).toBeInTheDocument();
    expect(within(teams).getAllByText('no budget set')).toHaveLength(2);

    expect(
      await screen.findByText('Estimated €1,258 a month'),
    ).toBeInTheDocument();
    expect(screen.getByText('Under-used GPU')).toBeInTheDocument();
    expect(getOverview).toHaveBeenCalledWith({ days: 30, team: undefined });
  });

  it('says there is no comparison when the previous period lacks data', async () => {
    // The demo's 90-day view: the bill starts 7 days before the period.
    await render({
      getOverview: async () => ({
        ...overview,
        days: 90,
        from: '2026-09-08',
        to: '2026-12-06',
        total: noChange(90000, 6100),
        comparison: {
          current: coverage('2026-09-08', '2026-12-06', 90, 90),
          previous: coverage('2026-06-10', '2026-09-07', 90, 7),
          comparable: false,
        },
        teams: overview.teams.map(t => ({
          ...t,
          change: null,
          changeRatio: null,
        })),
        systems: [{ system: 'ai-services', ...noChange(18000, 1500) }],
        movers: [],
        anomalies: [],
        unchecked: [
          {
            team: SEARCH,
            name: 'search-service',
            entityRef: 'component:default/search-service',
            reason: 'short' as const,
            days: 7,
            first: '2026-09-08',
            last: '2026-09-14',
          },
          {
            team: AI,
            name: 'feature-store',
            entityRef: 'component:default/feature-store',
            reason: 'no-usual-cost' as const,
            days: 2,
            first: '2026-11-20',
            last: '2026-11-21',
          },
        ],
      }),
    });
    expect(await screen.findByText('No comparison')).toBeInTheDocument();
    expect(
      screen.getByText(
        'The previous 90 days (10 Jun to 7 Sept) have data on 7 of 90 days.',
      ),
    ).toBeInTheDocument();
    const teams = screen.getByRole('table', { name: 'By team' });
    expect(within(teams).getAllByText('no comparison')).toHaveLength(3);
    expect(
      screen.getByText(
        'No comparison with the previous period: the previous 90 days (10 Jun to 7 Sept) have data on 7 of 90 days.',
      ),
    ).toBeInTheDocument();
    // No percentage anywhere on the page.
    expect(screen.queryByText(/[+-]\d[\d,]*%/)).toBeNull();
    expect(
      screen.getByText(
        'Not enough history to judge 1 service on some days (fewer than 14 days with data in the 28 before): search-service.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Not enough history to judge 1 service on some days (new, or usually costing nothing): feature-store.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/€0\.00/)).toBeNull();
  });

  it('asks again for 90 days and exports what is shown', async () => {
    const getOverview = jest.fn(async () => overview);
    const exportCsv = jest.fn(async () => 'date,team\n');
    URL.createObjectURL = jest.fn(() => 'blob:cost');
    URL.revokeObjectURL = jest.fn();
    await render({ getOverview, exportCsv });
    await screen.findByText('€30,000');
    fireEvent.click(screen.getByRole('button', { name: '90 days' }));
    await screen.findByText('€30,000');
    expect(getOverview).toHaveBeenLastCalledWith({ days: 90, team: undefined });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await screen.findByText('€30,000');
    expect(exportCsv).toHaveBeenCalledWith({ days: 90, team: undefined });
  });

  it('narrows everything to the team picked', async () => {
    const getOverview = jest.fn(async () => overview);
    const getSavings = jest.fn(async () => savings);
    await render({ getOverview, getSavings });
    await screen.findByText('€30,000');
    expect(screen.getByRole('option', { name: 'ai' })).toHaveValue(AI);
    fireEvent.change(screen.getByLabelText('Team'), {
      target: { value: AI },
    });
    await screen.findByText('€30,000');
    expect(getOverview).toHaveBeenLastCalledWith({ days: 30, team: AI });
    expect(getSavings).toHaveBeenLastCalledWith({ team: AI });
  });

  it('says why cost is unallocated', async () => {
    await render({ getOverview: async () => overview });
    const table = await screen.findByRole('table', {
      name: 'Why cost is unallocated',
    });
    expect(
      within(table).getByText(
        "tag gogidix:service = 'old-api' names no catalog component",
      ),
    ).toBeInTheDocument();
    expect(within(table).getByText('€96.00')).toBeInTheDocument();
  });

  it('shows billed beside amortised cost by the period basis picked', async () => {
    const getInvoice = jest.fn(async ({ basis }) => invoice(basis));
    await render({ getOverview: async () => overview, getInvoice });
    const table = await screen.findByRole('table', {
      name: 'Invoice by month',
    });
    expect(within(table).getByText('November 2026')).toBeInTheDocument();
    expect(within(table).getAllByText('€24,123.45')).toHaveLength(1);
    expect(within(table).getByText('€25,010.07')).toBeInTheDocument();
    expect(
      within(table).getByText('Adjustment (correction of an earlier month)'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Months by billing period/)).toBeInTheDocument();
    expect(getInvoice).toHaveBeenLastCalledWith({
      basis: 'billing-period',
      months: 3,
    });

    fireEvent.click(screen.getByRole('button', { name: 'By charge period' }));
    expect(
      await screen.findByText(/Months by charge period/),
    ).toBeInTheDocument();
    expect(getInvoice).toHaveBeenLastCalledWith({
      basis: 'charge-period',
      months: 3,
    });
  });

  it('says who may read the invoice when the policy refuses it', async () => {
    await render({
      getOverview: async () => overview,
      getInvoice: async () => {
        // What the client throws for a 403: the backend's NotAllowedError.
        throw Object.assign(new Error('Not allowed to read cost imports'), {
          name: 'NotAllowedError',
        });
      },
    });
    expect(
      await screen.findByText(
        'The invoice covers every team: it is for readers of the import history.',
      ),
    ).toBeInTheDocument();
  });
});
