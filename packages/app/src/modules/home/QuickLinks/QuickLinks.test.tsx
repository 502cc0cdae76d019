import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, waitFor } from '@testing-library/react';
import { SWRConfig } from 'swr';
import { QuickLinks } from './QuickLinks';

// `allowed` names the permissions the mocked policy allows; all others are denied.
function render(allowed: string[]) {
  const permissionApi = mockApis.permission({
    authorize: request =>
      allowed.includes(request.permission.name)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
  });
  return renderInTestApp(
    // A fresh cache of permission answers for each render.
    <SWRConfig value={{ provider: () => new Map() }}>
      <QuickLinks />
    </SWRConfig>,
    { apis: [permissionApi] },
  );
}

const targets = () =>
  Array.from(
    screen
      .getByRole('navigation', { name: 'Quick links' })
      .querySelectorAll('a'),
  ).map(a => a.getAttribute('href'));

describe('QuickLinks', () => {
  it('links an on-call engineer to creating a service and to the SLO, compliance, cost and on-call pages', async () => {
    await render(['oncall.alert.read']);
    await waitFor(() =>
      expect(targets()).toEqual([
        '/create',
        '/slo',
        '/compliance',
        '/cost',
        '/on-call',
      ]),
    );
    expect(screen.getByText('Create a service')).toBeInTheDocument();
  });

  it('shows no on-call tile to a role the on-call page would turn away', async () => {
    await render([]);
    expect(await screen.findByText('Cost')).toBeInTheDocument();
    expect(targets()).toEqual(['/create', '/slo', '/compliance', '/cost']);
    expect(screen.queryByText('On-call')).not.toBeInTheDocument();
  });
});
