import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { identityApiRef } from '@backstage/frontend-plugin-api';
import { screen } from '@testing-library/react';
import { sloApiRef } from '../../apiRef';
import { mockSloApi, orgSummary } from '../../__testUtils__/fixtures';
import { HomeSloCard } from './HomeSloCard';

const jane = mockApis.identity({
  userEntityRef: 'user:default/jane.doe',
  ownershipEntityRefs: ['user:default/jane.doe', 'group:default/payments'],
});

describe('HomeSloCard', () => {
  it('shows progress while loading', async () => {
    await renderInTestApp(<HomeSloCard />, {
      apis: [
        [sloApiRef, mockSloApi({ getOrgSummary: () => new Promise(() => {}) })],
        [identityApiRef, jane],
      ],
    });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('asks for the SLOs of what the user and their teams own, worst first', async () => {
    const api = mockSloApi();
    await renderInTestApp(<HomeSloCard />, {
      apis: [
        [sloApiRef, api],
        [identityApiRef, jane],
      ],
    });
    expect(
      await screen.findByText(/1 exhausted, 0 at risk, 1 healthy/),
    ).toBeInTheDocument();
    expect(api.getOrgSummary).toHaveBeenCalledWith({
      owners: ['user:default/jane.doe', 'group:default/payments'],
    });
    const items = screen.getAllByRole('listitem').map(li => li.textContent);
    expect(items[0]).toContain('payments-service');
  });

  it('says what to do when the user owns no SLO', async () => {
    await renderInTestApp(<HomeSloCard />, {
      apis: [
        [
          sloApiRef,
          mockSloApi({ getOrgSummary: async () => orgSummary({ slos: [] }) }),
        ],
        [identityApiRef, jane],
      ],
    });
    expect(
      await screen.findByText(/None of your services has an SLO yet/),
    ).toBeInTheDocument();
  });

  it('names the config key instead of figures when no SLI source is configured', async () => {
    await renderInTestApp(<HomeSloCard />, {
      apis: [
        [
          sloApiRef,
          mockSloApi({
            getOrgSummary: async () => orgSummary({ sliSource: 'none' }),
          }),
        ],
        [identityApiRef, jane],
      ],
    });
    expect(
      await screen.findByText(/no SLI source is configured/),
    ).toHaveTextContent(
      'Your services have 2 SLOs, but no SLI source is configured to evaluate them: an administrator sets slo.prometheus.baseUrl.',
    );
    expect(screen.queryByRole('listitem')).not.toBeInTheDocument();
  });

  it('shows an error', async () => {
    await renderInTestApp(<HomeSloCard />, {
      apis: [
        [
          sloApiRef,
          mockSloApi({
            getOrgSummary: async () => {
              throw new Error('down');
            },
          }),
        ],
        [identityApiRef, jane],
      ],
    });
    expect(
      await screen.findByText(/Could not load your SLOs/),
    ).toBeInTheDocument();
  });
});
