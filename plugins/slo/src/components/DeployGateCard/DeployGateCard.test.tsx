import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { DeployGateOverride } from '@gogidix/plugin-slo-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { sloApiRef } from '../../apiRef';
import { deployGateDecision, mockSloApi } from '../../__testUtils__/fixtures';
import { DeployGateCard } from './DeployGateCard';

const override: DeployGateOverride = {
  id: 'o1',
  entityRef: 'component:default/listings-service',
  reason: 'payment outage hotfix',
  createdBy: 'user:default/amara.okafor',
  createdAt: '2026-12-07T10:00:00.000Z',
  expiresAt: '2026-12-07T12:00:00.000Z',
  active: true,
};

function render(
  api: ReturnType<typeof mockSloApi>,
  entityRef: string,
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
) {
  return renderInTestApp(<DeployGateCard entityRef={entityRef} />, {
    apis: [
      [sloApiRef, api],
      [permissionApiRef, mockApis.permission({ authorize: result })],
    ],
  });
}

describe('DeployGateCard', () => {
  it('shows a deny with its reason, and no override form to a developer', async () => {
    const api = mockSloApi();
    await render(api, 'component:default/a', AuthorizeResult.DENY);
    const gate = await screen.findByRole('region', { name: 'Deploy gate' });
    expect(
      await within(gate).findByText('A feature may not deploy now.'),
    ).toBeInTheDocument();
    expect(gate).toHaveTextContent(
      'availability has -50% of its error budget left',
    );
    expect(gate).toHaveTextContent('min-budget=10%; allow=fix,rollback');
    expect(api.getDeployGate).toHaveBeenCalledWith('component:default/a');
    expect(
      screen.queryByRole('button', { name: /Override for/ }),
    ).not.toBeInTheDocument();
  });

  it('lets a manager override for N hours with a reason, then shows who, why and until when', async () => {
    let overrides: DeployGateOverride[] = [];
    const api = mockSloApi({
      getDeployGate: jest.fn(async () =>
        overrides.length
          ? deployGateDecision({
              decision: 'allow',
              reason: 'Override by user:default/amara.okafor',
              override,
            })
          : deployGateDecision(),
      ),
      getDeployGateOverrides: jest.fn(async (entityRef: string) => ({
        entityRef,
        overrides,
      })),
      createDeployGateOverride: jest.fn(async () => {
        overrides = [override];
        return override;
      }),
    });
    await render(api, 'component:default/b', AuthorizeResult.ALLOW);
    const button = await screen.findByRole('button', {
      name: 'Override for 2 hours',
    });
    expect(button).toBeDisabled();
    fireEvent.change(screen.getByLabelText('Hours'), {
      target: { value: '3' },
    });
    fireEvent.change(screen.getByLabelText('Reason for the override'), {
      target: { value: 'payment outage hotfix' },
    });
    fireEvent.click(
      screen.getByRole('button', { name: 'Override for 3 hours' }),
    );
    await waitFor(() =>
      expect(api.createDeployGateOverride).toHaveBeenCalledWith({
        entityRef: 'component:default/b',
        reason: 'payment outage hotfix',
        expiresInMinutes: 180,
      }),
    );
    const active = await screen.findByRole('alert', {
      name: 'Active override',
    });
    expect(active).toHaveTextContent('user:default/amara.okafor');
    expect(active).toHaveTextContent('payment outage hotfix');
    expect(within(active).getByText(/2026/).getAttribute('datetime')).toBe(
      '2026-12-07T12:00:00.000Z',
    );
    expect(
      await screen.findByText('A feature may deploy now.'),
    ).toBeInTheDocument();
  });

  it('refuses hours outside 1 to 24', async () => {
    await render(mockSloApi(), 'component:default/c', AuthorizeResult.ALLOW);
    const hours = await screen.findByLabelText('Hours');
    fireEvent.change(hours, { target: { value: '25' } });
    fireEvent.change(screen.getByLabelText('Reason for the override'), {
      target: { value: 'long enough' },
    });
    expect(screen.getByText('1 to 24')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Override for 25 hours' }),
    ).toBeDisabled();
  });
});
