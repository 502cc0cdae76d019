import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { QuickLinks } from './QuickLinks';

describe('QuickLinks', () => {
  it('links to creating a service and to the SLO, compliance, cost and on-call pages', async () => {
    await renderInTestApp(<QuickLinks />);
    const nav = screen.getByRole('navigation', { name: 'Quick links' });
    const targets = Array.from(nav.querySelectorAll('a')).map(a =>
      a.getAttribute('href'),
    );
    expect(targets).toEqual([
      '/create',
      '/slo',
      '/compliance',
      '/cost',
      '/on-call',
    ]);
    expect(screen.getByText('Create a service')).toBeInTheDocument();
  });
});
