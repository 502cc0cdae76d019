import { Entity } from '@backstage/catalog-model';
import { fetchApiRef } from '@backstage/frontend-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import { fireEvent, screen, waitFor } from '@testing-library/react';
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

/** A portal without the delivery backend: its routes answer 404. */
const noDeliveryBackend = () =>
  new Response(
    JSON.stringify({
      error: { name: 'NotFoundError', message: 'Not found' },
      response: { statusCode: 404 },
    }),
    { status: 404, headers: { 'content-type': 'application/json' } },
  );

async function render(api = mockSloApi(), answer = noDeliveryBackend) {
  const fetch = jest.fn(async (_url: string) => answer());
  await renderInTestApp(
    <EntityProvider entity={entity}>
      <EntitySloContent />
    </EntityProvider>,
    {
      apis: [
        [sloApiRef, api],
        [fetchApiRef, { fetch: fetch as unknown as typeof globalThis.fetch }],
      ],
    },
  );
  return fetch;
}

/** Hourly snapshots from 2026-11-20T00:00Z to 10:00Z. */
const hourly = [0.7, 0.7, 0.69, 0.67, 0.66, 0.65, 0.64, 0.64, 0.63, 0.62, 0.6];
const withHourlyBurnDown = () => {
  const status = entityStatus();
  return entityStatus({
    slos: [
      {
        ...status.slos[0],
        burnDown: hourly.map((remaining, hour) => ({
          at: new Date(Date.UTC(2026, 10, 20, hour)).toISOString(),
          remaining,
          sli: null,
        })),
      },
    ],
  });
};

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

  it('marks each deploy with the budget burned in the hours after it', async () => {
    const fetch = await render(
      mockSloApi({ getEntityStatus: async () => withHourlyBurnDown() }),
      () =>
        new Response(
          JSON.stringify({
            entityRef: 'component:default/listings-service',
            deployments: [
              {
                id: 'github:acme/listings:1',
                source: 'github',
                entityRef: 'component:default/listings-service',
                environment: 'production',
                status: 'success',
                sha: 'abc1234def',
                startedAt: '2026-11-20T00:50:00Z',
                finishedAt: '2026-11-20T01:00:00Z',
                commits: [],
                rollbackOf: null,
              },
            ],
          }),
        ),
    );
    // 0.70 at 01:00, 0.64 at 07:00: 6% of the budget.
    expect(
      await screen.findByText(
        'Deploy abc1234 at 2026-11-20 01:00 UTC: 6% of the budget burned in the 6 h after',
      ),
    ).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/delivery/entities/component/default/listings-service/deployments?from=2026-11-20T00%3A00%3A00.000Z&to=2026-11-20T10%3A00%3A00.000Z',
    );
  });

  it('shows the SLOs as before when the delivery backend is not there', async () => {
    const fetch = await render(
      mockSloApi({ getEntityStatus: async () => withHourlyBurnDown() }),
    );
    expect(await screen.findByText('Availability')).toBeInTheDocument();
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(screen.queryByRole('list', { name: 'Deploys' })).toBeNull();
    expect(screen.queryByText(/Deploys are not marked/)).toBeNull();
  });

  it('says why deploys are not marked when the delivery backend fails', async () => {
    await render(
      mockSloApi({ getEntityStatus: async () => withHourlyBurnDown() }),
      () =>
        new Response(
          JSON.stringify({
            error: { name: 'Error', message: 'database is down' },
            response: { statusCode: 500 },
          }),
          { status: 500, headers: { 'content-type': 'application/json' } },
        ),
    );
    expect(
      await screen.findByText(
        /Deploys are not marked: Request failed with 500/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Availability')).toBeInTheDocument();
  });
});
