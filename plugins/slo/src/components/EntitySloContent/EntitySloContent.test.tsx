import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import { fireEvent, screen } from '@testing-library/react';
import { sloApiRef } from '../../apiRef';
import { entityStatus, mockSloApi } from '../../__testUtils__/fixtures';
import { EntitySloContent } from './EntitySloContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'listings-service',
    annotations: { 'gogidix.io/openslo': './slo/openslo.yaml' },
  },
  spec: { owner: 'listings' },
};

function render(api = mockSloApi()) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <EntitySloContent />
    </EntityProvider>,
    { apis: [[sloApiRef, api]] },
  );
}

describe('EntitySloContent', () => {
  it('shows progress while loading', async () => {
    await render(mockSloApi({ getEntityStatus: () => new Promise(() => {}) }));
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error the backend sent', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'NotFoundError', message: 'No entity x' },
      }),
      {
        status: 404,
        headers: { 'content-type': 'application/json' },
      },
    );
    const error = await ResponseError.fromResponse(response);
    await render(
      mockSloApi({
        getEntityStatus: async () => {
          throw error;
        },
      }),
    );
    expect(
      await screen.findByText(/Could not load the SLOs/),
    ).toBeInTheDocument();
  });

  it('says so when the document has no SLO', async () => {
    await render(
      mockSloApi({ getEntityStatus: async () => entityStatus({ slos: [] }) }),
    );
    expect(await screen.findByText('No SLOs yet')).toBeInTheDocument();
  });

  it('shows target, SLI, budget, burn rates, alert state and links', async () => {
    await render();
    expect(await screen.findByText('Availability')).toBeInTheDocument();
    expect(screen.getByText('99.9%')).toBeInTheDocument(); // target
    expect(screen.getByText('99.96%')).toBeInTheDocument(); // SLI over 28d
    expect(screen.getByText('Budget left').nextSibling).toHaveTextContent(
      '60%',
    );
    expect(screen.getByText('16x')).toBeInTheDocument(); // 1h burn rate
    expect(screen.getByText('Paging')).toBeInTheDocument(); // 1h and 5m above 14.4x
    expect(screen.getByText('Runbook').closest('a')).toHaveAttribute(
      'href',
      'http://localhost:3000/runbooks/default/component/listings-service/slo-availability-burn',
    );
    expect(screen.getByText('Grafana dashboard')).toBeInTheDocument();
  });

  it('lists document problems with their field path and still shows the good SLOs', async () => {
    await render(
      mockSloApi({
        getEntityStatus: async () =>
          entityStatus({
            problems: [
              {
                source: 'openslo.yaml',
                path: 'spec.objectives[0].target',
                message: 'SLO latency: must be a number between 0 and 1',
              },
            ],
          }),
      }),
    );
    expect(
      await screen.findByText('spec.objectives[0].target'),
    ).toBeInTheDocument();
    expect(screen.getByText('Availability')).toBeInTheDocument();
  });

  it('shows the last known values with a notice when the source is down', async () => {
    await render(
      mockSloApi({
        getEntityStatus: async () =>
          entityStatus({
            freshness: 'stored',
            notice: 'The SLI source is unreachable (timeout).',
          }),
      }),
    );
    expect(
      await screen.findByText(/The SLI source is unreachable/),
    ).toBeInTheDocument();
    expect(screen.getByText('Budget left').nextSibling).toHaveTextContent(
      '60%',
    );
  });

  it('says "not evaluated", never "not firing", for an SLO nothing measured', async () => {
    const status = entityStatus();
    const { evaluation, ...unevaluated } = status.slos[0];
    await render(
      mockSloApi({
        getEntityStatus: async () =>
          entityStatus({ slos: [{ ...unevaluated, burnDown: [] }] }),
      }),
    );
    expect(await screen.findByText('Availability')).toBeInTheDocument();
    expect(evaluation).toBeDefined();
    expect(screen.getByText('Not evaluated')).toBeInTheDocument();
    expect(screen.queryByText('Not firing')).not.toBeInTheDocument();
  });

  it('names the config key when no SLI source is configured, and shows no figures', async () => {
    await render(
      mockSloApi({
        getEntityStatus: async () =>
          entityStatus({
            sliSource: 'none',
            notice: 'No SLI source is configured',
          }),
      }),
    );
    expect(
      await screen.findByText('No SLI source is configured'),
    ).toBeInTheDocument();
    expect(screen.getByText('slo.prometheus.baseUrl')).toBeInTheDocument();
    expect(screen.queryByText('Budget left')).not.toBeInTheDocument();
    expect(screen.queryByText('Availability')).not.toBeInTheDocument();
  });

  it('asks for a past moment when "as of" is set', async () => {
    const api = mockSloApi();
    await render(api);
    await screen.findByText('Availability');
    fireEvent.change(screen.getByLabelText('As of'), {
      target: { value: '2026-11-18T09:30' },
    });
    await screen.findByText('Back to now');
    expect(api.getEntityStatus).toHaveBeenLastCalledWith(
      { kind: 'Component', namespace: 'default', name: 'listings-service' },
      new Date('2026-11-18T09:30'),
    );
  });
});
