import { Entity } from '@backstage/catalog-model';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { DeliveryApi, EntityDelivery } from '@gogidix/plugin-delivery-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { SWRConfig } from 'swr';
import { deliveryApiRef } from '../../apiRef';
import {
  configured,
  deployment,
  metrics,
  noMetrics,
  period,
  unconfigured,
} from '../../__testUtils__/fixtures';
import { EntityDeliveryContent } from './EntityDeliveryContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
};

const delivery: EntityDelivery = {
  entityRef: 'component:default/payments-api',
  period,
  metrics,
  days: [
    {
      date: '2026-12-05',
      deployments: 3,
      failedDeployments: 1,
      incidents: 1,
    },
  ],
  deployments: [
    deployment({
      id: 'github:acme/payments-api:3',
      sha: 'aaaaaaa1111111',
      rollbackOf: 'github:acme/payments-api:2',
      startedAt: '2026-12-05T11:00:00Z',
      finishedAt: '2026-12-05T11:05:00Z',
      commits: [],
    }),
    deployment({
      id: 'github:acme/payments-api:2',
      sha: 'bbbbbbb2222222',
      status: 'failure',
      startedAt: '2026-12-05T10:00:00Z',
    }),
    deployment({}),
  ],
  incidents: [
    {
      id: 'pagerduty:Q1',
      source: 'pagerduty',
      entityRef: 'component:default/payments-api',
      title: 'Checkout errors above 5%',
      urgency: 'high',
      triggeredAt: '2026-12-05T10:20:00Z',
      acknowledgedAt: '2026-12-05T10:22:00Z',
      resolvedAt: '2026-12-05T11:02:00Z',
    },
  ],
  conflicts: [],
  sources: configured,
};

function render(
  api: Partial<DeliveryApi>,
  permission = mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [deliveryApiRef, api],
        [permissionApiRef, permission],
      ]}
    >
      {/* A fresh cache of permission answers for each render. */}
      <SWRConfig value={{ provider: () => new Map() }}>
        <EntityProvider entity={entity}>
          <EntityDeliveryContent />
        </EntityProvider>
      </SWRConfig>
    </TestApiProvider>,
  );
}

describe('EntityDeliveryContent', () => {
  it('shows progress while loading', async () => {
    await render({ getEntityDelivery: () => new Promise(() => {}) });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error', async () => {
    await render({
      getEntityDelivery: async () => {
        throw new Error('delivery backend down');
      },
    });
    expect(
      await screen.findByText('Error: delivery backend down'),
    ).toBeInTheDocument();
  });

  it('warns of annotations that are not read', async () => {
    const conflict =
      'github.com/project-slug acme/payments is also claimed by group:default/search: its deployments are not read';
    await render({
      getEntityDelivery: async () => ({ ...delivery, conflicts: [conflict] }),
    });
    expect(
      await screen.findByLabelText('Annotations not read'),
    ).toHaveTextContent(conflict);
  });

  it('shows the headline figures with their band and trend', async () => {
    const getEntityDelivery = jest.fn(async () => delivery);
    await render({ getEntityDelivery });
    const frequency = await screen.findByLabelText('Deployment frequency');
    expect(within(frequency).getByText('2.5 a day')).toBeInTheDocument();
    expect(within(frequency).getByText('Elite')).toBeInTheDocument();
    // (2.5 - 2) / 2
    expect(
      within(frequency).getByText('+25% against the previous 30 days'),
    ).toBeInTheDocument();
    const lead = screen.getByLabelText('Lead time for changes');
    expect(within(lead).getByText('6 h')).toBeInTheDocument();
    expect(within(lead).getByText('High')).toBeInTheDocument();
    // (6 - 12) / 12: shorter, which is good news.
    expect(
      within(lead).getByText('-50% against the previous 30 days'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByLabelText('Change failure rate')).getByText('10%'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByLabelText('Time to restore')).getByText('42 min'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByLabelText('Time to detect')).getByText('4 min'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByLabelText('Incidents')).getByText('3'),
    ).toBeInTheDocument();
    expect(getEntityDelivery).toHaveBeenCalledWith(
      'component:default/payments-api',
      30,
    );
  });

  it('lists deployments with commit, lead time, status and rollback', async () => {
    await render({ getEntityDelivery: async () => delivery });
    const table = await screen.findByRole('table', {
      name: 'Recent deployments',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]).getByText('aaaaaaa')).toBeInTheDocument();
    expect(within(rows[0]).getByText('Rolls back bbbbbbb')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Failed')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Rolled back')).toBeInTheDocument();
    // Committed 06:10, finished 09:10.
    expect(within(rows[2]).getByText('3 h')).toBeInTheDocument();
    expect(within(rows[2]).getByText('Succeeded')).toBeInTheDocument();
    const incidents = screen.getByRole('table', {
      name: 'Recent incidents',
    });
    expect(
      within(incidents).getByText('Checkout errors above 5%'),
    ).toBeInTheDocument();
    // Triggered 10:20, resolved 11:02.
    expect(within(incidents).getByText('42 min')).toBeInTheDocument();
  });

  it('asks again for the period picked', async () => {
    const getEntityDelivery = jest.fn(async () => delivery);
    await render({ getEntityDelivery });
    fireEvent.click(await screen.findByRole('button', { name: '90 days' }));
    await screen.findByLabelText('Deployment frequency');
    expect(getEntityDelivery).toHaveBeenLastCalledWith(
      'component:default/payments-api',
      90,
    );
  });

  it('names the sources to configure when nothing arrived', async () => {
    await render({
      getEntityDelivery: async () => ({
        ...delivery,
        metrics: noMetrics,
        days: [],
        deployments: [],
        incidents: [],
        sources: unconfigured,
      }),
    });
    expect(
      await screen.findByText(
        'No deployments or incidents of payments-api in the last 30 days',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        ': set delivery.github, or annotate github.com/project-slug',
        { exact: false },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('GitHub deployments')).toBeInTheDocument();
    expect(screen.getByText('PagerDuty incidents')).toBeInTheDocument();
  });

  it('names the deploy sources when only incidents arrived', async () => {
    await render({
      getEntityDelivery: async () => ({
        ...delivery,
        deployments: [],
        sources: [
          unconfigured[0],
          { kind: 'pagerduty', configured: true, detail: 'P4X9QZK' },
        ],
      }),
    });
    const card = (await screen.findByText('Recent deployments')).closest(
      '.MuiCard-root',
    ) as HTMLElement;
    expect(
      within(card).getByText('No deployments in the last 30 days.'),
    ).toBeInTheDocument();
    expect(within(card).getByText('GitHub deployments')).toBeInTheDocument();
  });

  it("tells a user outside the service's team who may see its delivery", async () => {
    const getEntityDelivery = jest.fn();
    await render(
      { getEntityDelivery },
      mockApis.permission({ authorize: AuthorizeResult.DENY }),
    );
    expect(await screen.findByTestId('not-allowed')).toHaveTextContent(
      "A service's delivery is for its team and their managers.",
    );
    expect(getEntityDelivery).not.toHaveBeenCalled();
  });
});
