import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { identityApiRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import { sloApiRef } from '../../apiRef';
import { mockSloApi, orgSummary } from '../../__testUtils__/fixtures';
import { HomeSloCard } from './HomeSloCard';

const jane = mockApis.identity({
  userEntityRef: 'user:default/jane.doe',
  ownershipEntityRefs: ['user:default/jane.doe', 'group:default/payments'],
});

function group(name: string, parent?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: parent
      ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
      : [],
  };
}

// A department over two teams, and a team outside it.
const catalog = catalogApiMock({
  entities: [
    group('engineering'),
    group('payments', 'engineering'),
    group('listings', 'engineering'),
    group('finance'),
  ],
});

describe('HomeSloCard', () => {
  it('shows progress while loading', async () => {
    await renderInTestApp(<HomeSloCard />, {
      apis: [
        [sloApiRef, mockSloApi({ getOrgSummary: () => new Promise(() => {}) })],
        [identityApiRef, jane],
        [catalogApiRef, catalog],
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
        [catalogApiRef, catalog],
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

  it('asks a department head for the SLOs of every team below her group', async () => {
    const api = mockSloApi();
    const head = mockApis.identity({
      userEntityRef: 'user:default/amara.okafor',
      ownershipEntityRefs: [
        'user:default/amara.okafor',
        'group:default/engineering',
      ],
    });
    await renderInTestApp(<HomeSloCard />, {
      apis: [
        [sloApiRef, api],
        [identityApiRef, head],
        [catalogApiRef, catalog],
      ],
    });
    expect(
      await screen.findByText(/1 exhausted, 0 at risk, 1 healthy/),
    ).toBeInTheDocument();
    expect(api.getOrgSummary).toHaveBeenCalledWith({
      owners: [
        'user:default/amara.okafor',
        'group:default/engineering',
        'group:default/listings',
        'group:default/payments',
      ],
    });
  });

  it('says what to do when the user owns no SLO', async () => {
    await renderInTestApp(<HomeSloCard />, {
      apis: [
        [
          sloApiRef,
          mockSloApi({ getOrgSummary: async () => orgSummary({ slos: [] }) }),
        ],
        [identityApiRef, jane],
        [catalogApiRef, catalog],
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
        [catalogApiRef, catalog],
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
        [catalogApiRef, catalog],
      ],
    });
    expect(
      await screen.findByText(/Could not load your SLOs/),
    ).toBeInTheDocument();
  });
});
