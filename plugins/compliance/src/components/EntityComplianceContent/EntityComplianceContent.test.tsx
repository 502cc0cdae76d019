import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ComplianceApi } from '@gogidix/plugin-compliance-common';
import { complianceApiRef } from '../../apiRef';
import {
  entityCompliance,
  mockComplianceApi,
} from '../../__testUtils__/fixtures';
import { EntityComplianceContent } from './EntityComplianceContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-service', namespace: 'default' },
  spec: { owner: 'payments' },
};

function render(api: ComplianceApi = mockComplianceApi()) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityComplianceContent />
    </EntityProvider>,
    { apis: [[complianceApiRef, api]] },
  );
}

async function responseError(status: number, message: string) {
  return ResponseError.fromResponse(
    new Response(JSON.stringify({ error: { name: 'Error', message } }), {
      status,
      headers: { 'content-type': 'application/json' },
    }),
  );
}

describe('EntityComplianceContent', () => {
  it('shows progress while loading', async () => {
    await render(
      mockComplianceApi({ getEntityCompliance: () => new Promise(() => {}) }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error the backend sent', async () => {
    const error = await responseError(403, 'You may not read the compliance');
    await render(
      mockComplianceApi({
        getEntityCompliance: async () => {
          throw error;
        },
      }),
    );
    expect(
      await screen.findByText(/Could not load compliance/),
    ).toBeInTheDocument();
  });

  it('says the component has not been evaluated yet on 404', async () => {
    const error = await responseError(404, 'not evaluated');
    await render(
      mockComplianceApi({
        getEntityCompliance: async () => {
          throw error;
        },
      }),
    );
    expect(await screen.findByText('Not evaluated yet')).toBeInTheDocument();
  });

  it('says so when no check is configured', async () => {
    await render(
      mockComplianceApi({
        getEntityCompliance: async () =>
          entityCompliance({ checks: [], controls: [], waivers: [] }),
      }),
    );
    expect(await screen.findByText('No checks')).toBeInTheDocument();
  });

  it('shows the level, controls, each check and its evidence, how to fix and waivers', async () => {
    await render();
    expect(await screen.findByText('Bronze')).toBeInTheDocument();
    expect(
      screen.getByText('1 of 4 checks pass, 1 waived'),
    ).toBeInTheDocument();
    const controls = screen.getByRole('table', { name: 'Controls' });
    expect(
      within(controls).getByText('ISO 27001:2022 A.8.8'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByText('No critical vulnerabilities'));
    const evidence = await screen.findByRole('table', {
      name: 'Evidence for No critical vulnerabilities',
    });
    expect(within(evidence).getByText('trivy.critical')).toBeInTheDocument();
    expect(within(evidence).getByText('1')).toBeInTheDocument();
    expect(
      within(evidence).getByText(
        /Trivy report file demo\/trivy\/payments-service\.json/,
      ),
    ).toBeInTheDocument();
    expect(
      within(evidence).getByText('2026-11-27 08:59 UTC'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Critical vulnerabilities in the latest image scan: 1; none are allowed.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Upgrade the affected packages and rebuild.'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByText('SLO defined for tier-0 to tier-2'));
    expect(
      await screen.findByText('error: the SLO plugin is unavailable'),
    ).toBeInTheDocument();

    const waivers = screen.getByRole('table', { name: 'Waivers' });
    expect(
      within(waivers).getByText('Legacy clients until March'),
    ).toBeInTheDocument();
    expect(within(waivers).getByText('Active')).toBeInTheDocument();
  });

  it('shows the scan counts of every severity, and secrets when found', async () => {
    await render();
    const scan = await screen.findByRole('table', {
      name: 'Vulnerabilities by severity',
    });
    const row = (label: string) =>
      within(scan)
        .getByRole('rowheader', { name: label })
        .closest('tr')!
        .textContent?.replace(label, '');
    // CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN in that order.
    expect(row('Vulnerabilities')).toBe('17423');
    expect(row('Secrets')).toBe('01000');
    expect(
      within(scan).queryByRole('rowheader', { name: 'Misconfigurations' }),
    ).toBeNull();
    expect(
      screen.getByText(
        /harbor\.gogidix\.dev\/payments\/payments-service:2\.14\.3, scanned 2026-11-26 22:10 UTC/,
      ),
    ).toBeInTheDocument();
  });

  it('says when the last report was malformed and why, keeping the last readable counts', async () => {
    const value = entityCompliance();
    await render(
      mockComplianceApi({
        getEntityCompliance: async () => ({
          ...value,
          trivy: {
            ...value.trivy,
            rejected: {
              at: '2026-11-27T07:00:00.000Z',
              reason: 'SchemaVersion is 1: the portal reads schema version 2.',
              source: 'uploaded by user:default/ci',
            },
          },
        }),
      }),
    );
    expect(
      await screen.findByText(
        /Last report malformed at 2026-11-27 07:00 UTC \(uploaded by user:default\/ci\): SchemaVersion is 1: the portal reads schema version 2\. The counts below are from the last report that could be read\./,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Vulnerabilities by severity' }),
    ).toBeInTheDocument();
  });

  it('shows a service never scanned as waiting, its scan checks pending', async () => {
    const value = entityCompliance();
    await render(
      mockComplianceApi({
        getEntityCompliance: async () => ({
          ...value,
          checks: value.checks.map(c =>
            c.checkId === 'no-critical-vulnerabilities'
              ? {
                  ...c,
                  status: 'pending' as const,
                  reason:
                    'waiting for the first Trivy report, which CI uploads after building the image',
                  evidence: [
                    {
                      ...c.evidence[0],
                      value: null,
                      pending: 'waiting for the first Trivy report',
                    },
                  ],
                }
              : c,
          ),
          trivy: { report: null, rejected: null },
        }),
      }),
    );
    expect(await screen.findByText(/No scan received yet/)).toBeInTheDocument();
    expect(
      screen.getByText(
        '1 of 4 checks pass, 1 waived, 1 waiting for their first data',
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByText('No critical vulnerabilities'));
    expect(await screen.findByText('Pending')).toBeInTheDocument();
    expect(
      screen.getByText('pending: waiting for the first Trivy report'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Request a waiver' }),
    ).toBeNull();
  });

  // Rendering every table and chart takes seconds on a busy machine.
  it('requests a waiver for a failing check and reloads', async () => {
    const createWaiver = jest.fn(async () => entityCompliance().waivers[0]);
    const getEntityCompliance = jest.fn(async () => entityCompliance());
    await render(mockComplianceApi({ createWaiver, getEntityCompliance }));
    await userEvent.click(
      await screen.findByText('No critical vulnerabilities'),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Request a waiver' }),
    );
    fireEvent.change(screen.getByLabelText('Reason'), {
      target: { value: 'Fixed upstream, release next week' },
    });
    fireEvent.change(screen.getByLabelText('Approver'), {
      target: { value: 'sofia.rossi' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Waive' }));
    expect(createWaiver).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'payments-service' },
      expect.objectContaining({
        checkId: 'no-critical-vulnerabilities',
        reason: 'Fixed upstream, release next week',
        approver: 'user:default/sofia.rossi',
      }),
    );
    await screen.findByText('No critical vulnerabilities');
    expect(getEntityCompliance).toHaveBeenCalledTimes(2);
  }, 60_000);
});
