import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import { ReactNode } from 'react';
import { SWRConfig } from 'swr';
import { PermissionGate } from './PermissionGate';

const readPermission = createPermission({
  name: 'test.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

function render(permission: typeof permissionApiRef.T, children: ReactNode) {
  return renderInTestApp(
    <TestApiProvider apis={[[permissionApiRef, permission]]}>
      {/* A fresh cache of permission answers for each render. */}
      <SWRConfig value={{ provider: () => new Map() }}>{children}</SWRConfig>
    </TestApiProvider>,
  );
}

const gate = (
  <PermissionGate
    permission={readPermission}
    resourceRef="component:default/search-service"
    notAllowed="A service's cost is for its team."
    wrap={panel => <section aria-label="wrapped">{panel}</section>}
  >
    <p>the data</p>
  </PermissionGate>
);

describe('PermissionGate', () => {
  it('shows its children when allowed, asking about the resource', async () => {
    const authorize = jest.fn(async () => ({
      result: AuthorizeResult.ALLOW,
    }));
    await render({ authorize } as unknown as typeof permissionApiRef.T, gate);
    expect(await screen.findByText('the data')).toBeInTheDocument();
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: readPermission,
        resourceRef: 'component:default/search-service',
      }),
    );
  });

  it('shows the NotAllowed panel, wrapped, when denied', async () => {
    await render(
      mockApis.permission({ authorize: AuthorizeResult.DENY }),
      gate,
    );
    expect(
      await screen.findByText("A service's cost is for its team."),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('wrapped')).toHaveTextContent('Not allowed');
    expect(screen.queryByText('the data')).not.toBeInTheDocument();
  });

  it('shows progress until the policy answers', async () => {
    await render(
      {
        authorize: () => new Promise(() => {}),
      } as unknown as typeof permissionApiRef.T,
      gate,
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByText('the data')).not.toBeInTheDocument();
    expect(screen.queryByText(/Not allowed/)).not.toBeInTheDocument();
  });

  it('shows what it is told until the policy answers', async () => {
    await render(
      {
        authorize: () => new Promise(() => {}),
      } as unknown as typeof permissionApiRef.T,
      <PermissionGate
        permission={readPermission}
        resourceRef="component:default/search-service"
        notAllowed="A service's cost is for its team."
        progress={<p>asking</p>}
      >
        <p>the data</p>
      </PermissionGate>,
    );
    expect(screen.getByText('asking')).toBeInTheDocument();
    expect(screen.queryByTestId('progress')).not.toBeInTheDocument();
  });
});
