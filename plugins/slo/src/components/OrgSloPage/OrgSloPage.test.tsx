import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { sloApiRef } from '../../apiRef';
import { mockSloApi, orgSummary } from '../../__testUtils__/fixtures';
import { OrgSloPage } from './OrgSloPage';

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
