import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { EntityTabLink } from './EntityTabLink';

describe('EntityTabLink', () => {
  it("links the entity's name to the tab of its catalog page", async () => {
    await renderInTestApp(
      <EntityTabLink entityRef="component:finance/payments-api" tab="slo" />,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(screen.getByRole('link', { name: 'payments-api' })).toHaveAttribute(
      'href',
      '/catalog/finance/component/payments-api/slo',
    );
  });

  it('shows the name alone without a catalog page', async () => {
    await renderInTestApp(
      <EntityTabLink entityRef="component:default/search" tab="compliance" />,
    );
    expect(screen.getByText('search')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
