import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { complianceApiRef } from '../../apiRef';
import { mockComplianceApi, orgCompliance } from '../../__testUtils__/fixtures';
import { OrgCompliancePage } from './OrgCompliancePage';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('OrgCompliancePage', () => {
  it('shows progress while loading', async () => {
    await renderInTestApp(<OrgCompliancePage />, {
      apis: [
        [
          complianceApiRef,
          mockComplianceApi({ getOrgCompliance: () => new Promise(() => {}) }),
        ],
      ],
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error', async () => {
    await renderInTestApp(<OrgCompliancePage />, {
      apis: [
        [
          complianceApiRef,
          mockComplianceApi({
            getOrgCompliance: async () => {
              throw new Error('backend down');
            },
          }),
        ],
      ],
    });
    expect(
      await screen.findByText(/Could not load compliance/),
    ).toBeInTheDocument();
  });

  // Rendering both tables takes seconds on a busy machine.
  it('says when the server listed only the worst gaps and components', async () => {
    await renderInTestApp(<OrgCompliancePage />, {
      apis: [
        [
          complianceApiRef,
          mockComplianceApi({
            getOrgCompliance: async () =>
              orgCompliance({
                totals: {
                  ...orgCompliance().totals,
                  entities: 8003,
                  gaps: 41250,
                },
              }),
          }),
        ],
      ],
    });
    expect(
      await screen.findByText(
        'Worst gaps first: the worst 1 of 41,250 gaps (the export lists all)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Components: the worst 2 of 8,003 components (the export lists all)',
      ),
    ).toBeInTheDocument();
  }, 60_000);

  it('says when nothing has been evaluated', async () => {
    await renderInTestApp(<OrgCompliancePage />, {
      apis: [
        [
          complianceApiRef,
          mockComplianceApi({
            getOrgCompliance: async () =>
              orgCompliance({
                totals: {
                  ...orgCompliance().totals,
                  entities: 0,
                  levels: { gold: 0, silver: 0, bronze: 0, none: 0 },
                  gaps: 0,
                },
                entities: [],
                byTeam: [],
                gaps: [],
                heatmap: [],
              }),
          }),
        ],
      ],
    });
    expect(
      await screen.findByText('Nothing evaluated yet'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  });

  // Rendering every table and chart takes seconds on a busy machine.
  it('shows levels, gaps with links, teams, the heatmap and campaigns; filters and exports', async () => {
    const getOrgCompliance = jest.fn(async () => orgCompliance());
    const getExport = jest.fn(async () => new Blob(['framework,control\n']));
    URL.createObjectURL = jest.fn(() => 'blob:export');
    URL.revokeObjectURL = jest.fn();
    await renderInTestApp(<OrgCompliancePage />, {
      apis: [
        [complianceApiRef, mockComplianceApi({ getOrgCompliance, getExport })],
      ],
      mountedRoutes,
    });
    expect(
      await screen.findByText('Evaluated 2026-11-27 09:00 UTC'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Gold components')).toHaveTextContent('Gold1');
    expect(screen.getByLabelText('No level components')).toHaveTextContent(
      'No level0',
    );
    const gaps = screen
      .getByText('Worst gaps first')
      .closest('[class*=MuiPaper]') as HTMLElement;
    expect(
      within(gaps).getByRole('link', { name: 'payments-service' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-service/compliance',
    );
    const heatmap = screen.getByRole('table', {
      name: 'Heatmap of controls by team',
    });
    expect(within(heatmap).getAllByText('0%')).toHaveLength(1);
    expect(within(heatmap).getAllByText('100%')).toHaveLength(1);
    expect(screen.getByText('Trivy in every pipeline')).toBeInTheDocument();
    expect(screen.getByText(/50% · 1 of 2 checks met/)).toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('Team'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'payments' }),
    );
    expect(getOrgCompliance).toHaveBeenLastCalledWith({
      teams: ['group:default/payments'],
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );
    expect(getExport).toHaveBeenCalledWith('csv', {
      teams: ['group:default/payments'],
    });
  }, 60_000);
});
