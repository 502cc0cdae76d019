import { Entity } from '@backstage/catalog-model';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { CostApi, EntityCost } from '@gogidix/plugin-cost-common';
import { screen } from '@testing-library/react';
import { SWRConfig } from 'swr';
import { costApiRef } from '../../apiRef';
import { EntityCostContent } from './EntityCostContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'search-service', namespace: 'default' },
  spec: { type: 'service', owner: 'search', lifecycle: 'production' },
};

const cost: EntityCost = {
  entityRef: 'component:default/search-service',
  currency: 'EUR',
  days: 30,
  from: '2026-10-28',
  to: '2026-11-26',
  daily: [
    { date: '2026-11-26', total: 78, parts: { Analytics: 48, Compute: 30 } },
  ],
  categories: ['Analytics', 'Compute'],
  change: { current: 2460, previous: 2050, change: 410, changeRatio: 0.2 },
  comparison: {
    current: {
      from: '2026-10-28',
      to: '2026-11-26',
      days: 30,
      daysWithData: 30,
    },
    previous: {
      from: '2026-09-28',
      to: '2026-10-27',
      days: 30,
      daysWithData: 30,
    },
    comparable: true,
  },
  forecast: {
    month: '2026-11',
    monthToDate: 2150,
    forecast: 2390,
    remainingDays: 4,
  },
  conflicts: [],
};

function render(
  api: Partial<CostApi>,
  permission = mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [costApiRef, api],
        [permissionApiRef, permission],
      ]}
    >
      {/* A fresh cache of permission answers for each render. */}
      <SWRConfig value={{ provider: () => new Map() }}>
        <EntityProvider entity={entity}>
          <EntityCostContent />
        </EntityProvider>
      </SWRConfig>
    </TestApiProvider>,
  );
}

describe('EntityCostContent', () => {
  it('shows progress while loading', async () => {
    await render({ getEntityCost: () => new Promise(() => {}) });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error', async () => {
    await render({
      getEntityCost: async () => {
        throw new Error('cost backend down');
      },
    });
    expect(
      await screen.findByText('Error: cost backend down'),
    ).toBeInTheDocument();
  });

  it('says so when nothing is attributed and how attribution works', async () => {
    await render({
      getEntityCost: async () => ({
        ...cost,
        daily: [],
        categories: [],
        change: { current: 0, previous: 0, change: 0, changeRatio: null },
      }),
    });
    expect(
      await screen.findByText(
        'No cost attributed to search-service in the last 30 days',
      ),
    ).toBeInTheDocument();
  });

  it('shows the period cost, its change and the month-end forecast', async () => {
    const getEntityCost = jest.fn(async () => cost);
    await render({ getEntityCost });
    expect(await screen.findByText('€2,460')).toBeInTheDocument();
    expect(screen.getByText('+20%')).toBeInTheDocument();
    expect(screen.getByText('+€410 (was €2,050)')).toBeInTheDocument();
    expect(screen.getByText('€2,390')).toBeInTheDocument();
    expect(screen.getByText('€2,150 so far, 4 days to go')).toBeInTheDocument();
    expect(getEntityCost).toHaveBeenCalledWith(
      'component:default/search-service',
      30,
    );
  });

  it('says there is no comparison when the previous period lacks data', async () => {
    await render({
      getEntityCost: async () => ({
        ...cost,
        days: 90,
        change: {
          current: 7300,
          previous: 560,
          change: null,
          changeRatio: null,
        },
        comparison: {
          current: {
            from: '2026-09-08',
            to: '2026-12-06',
            days: 90,
            daysWithData: 90,
          },
          previous: {
            from: '2026-06-10',
            to: '2026-09-07',
            days: 90,
            daysWithData: 7,
          },
          comparable: false,
        },
      }),
    });
    expect(await screen.findByText('No comparison')).toBeInTheDocument();
    expect(
      screen.getByText(
        'The previous 90 days (10 Jun to 7 Sept) have data on 7 of 90 days.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/%/)).toBeNull();
  });

  it('says which annotations do not count, and why', async () => {
    const reason =
      'backstage.io/kubernetes-id "search-service" is claimed by component:default/evil (group:default/platform) and component:default/search-service (group:default/search)';
    await render({
      getEntityCost: jest.fn(async () => ({ ...cost, conflicts: [reason] })),
    });
    expect(await screen.findByText(reason)).toBeInTheDocument();
  });

  it("tells a user outside the service's team who may see its cost", async () => {
    const getEntityCost = jest.fn();
    await render(
      { getEntityCost },
      mockApis.permission({ authorize: AuthorizeResult.DENY }),
    );
    expect(
      await screen.findByText(
        "A service's cost is for its team and their managers.",
      ),
    ).toBeInTheDocument();
    expect(getEntityCost).not.toHaveBeenCalled();
  });
});
