import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, within } from '@testing-library/react';
import { sloApiRef } from '../../apiRef';
import { mockSloApi, orgSummary } from '../../__testUtils__/fixtures';
import { OrgSloPage, trendTitle } from './OrgSloPage';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('OrgSloPage', () => {
  it('shows progress while loading', async () => {
    await renderInTestApp(<OrgSloPage />, {
      apis: [
        [sloApiRef, mockSloApi({ getOrgSummary: () => new Promise(() => {}) })],
      ],
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error', async () => {
    await renderInTestApp(<OrgSloPage />, {
      apis: [
        [
          sloApiRef,
          mockSloApi({
            getOrgSummary: async () => {
              throw new Error('backend down');
            },
          }),
        ],
      ],
    });
    expect(
      await screen.findByText(/Could not load the SLO summary/),
    ).toBeInTheDocument();
  });

  it('says when no SLO matches', async () => {
    await renderInTestApp(<OrgSloPage />, {
      apis: [
        [
          sloApiRef,
          mockSloApi({
            getOrgSummary: async () =>
              orgSummary({ slos: [], fastestBurners: [] }),
          }),
        ],
      ],
    });
    expect(await screen.findByText('No SLOs match')).toBeInTheDocument();
  });

  it('asks for the summary as of a past moment', async () => {
    const api = mockSloApi();
    await renderInTestApp(<OrgSloPage />, {
      apis: [[sloApiRef, api]],
      mountedRoutes,
    });
    await screen.findByText('By team');
    fireEvent.change(screen.getByLabelText('As of'), {
      target: { value: '2026-11-18T09:30' },
    });
    await screen.findByText('Back to now');
    expect(api.getOrgSummary).toHaveBeenLastCalledWith({
      owners: [],
      tiers: [],
      at: new Date('2026-11-18T09:30'),
    });
  });

  it('names the config key when no SLI source is configured, and shows no figures', async () => {
    await renderInTestApp(<OrgSloPage />, {
      apis: [
        [
          sloApiRef,
          mockSloApi({
            getOrgSummary: async () =>
              orgSummary({
                sliSource: 'none',
                notice:
                  'No SLI source is configured: set slo.prometheus.baseUrl',
              }),
          }),
        ],
      ],
      mountedRoutes,
    });
    expect(
      await screen.findByText('No SLI source is configured'),
    ).toBeInTheDocument();
    expect(screen.getByText('slo.prometheus.baseUrl')).toBeInTheDocument();
    expect(screen.queryByText('By team')).not.toBeInTheDocument();
    expect(screen.queryByText('Budget exhausted')).not.toBeInTheDocument();
  });

  it.each([
    [0, 'Daily status'],
    [1, 'Daily status, 1 day of history so far (up to 90 are kept)'],
    [12, 'Daily status, 12 days of history so far (up to 90 are kept)'],
    [90, 'Daily status, last 90 days'],
    [91, 'Daily status, last 90 days'],
  ])('titles a trend of %i days "%s"', (days, title) => {
    const trend = Array.from({ length: days }, (_, i) => ({
      day: new Date(Date.UTC(2026, 8, 1 + i)).toISOString().slice(0, 10),
      healthy: 1,
      atRisk: 0,
      exhausted: 0,
      missing: 0,
    }));
    expect(trendTitle(trend)).toBe(title);
  });

  it('shows counts by team and system, the fastest burners and links into each service', async () => {
    await renderInTestApp(<OrgSloPage />, {
      apis: [[sloApiRef, mockSloApi()]],
      mountedRoutes,
    });
    expect(
      await screen.findByText('As of 2026-11-20 10:00 UTC'),
    ).toBeInTheDocument();
    expect(screen.getByText('Budget exhausted').nextSibling).toHaveTextContent(
      '1',
    );
    expect(screen.getByText('By team')).toBeInTheDocument();
    expect(screen.getByText('By system')).toBeInTheDocument();
    // system:default/property-marketplace reads as its name.
    expect(screen.getByText('property-marketplace')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Daily status, 2 days of history so far (up to 90 are kept)',
      ),
    ).toBeInTheDocument();
    const burners = screen
      .getByText('Burning fastest (1h burn rate)')
      .closest('table, [class*=MuiPaper]') as HTMLElement;
    const links = within(burners).getAllByRole('link', { name: /service/ });
    expect(links.map(l => l.textContent)).toEqual([
      'payments-service',
      'listings-service',
    ]);
    expect(links[0]).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-service/slo',
    );
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  });
});
