import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { kubernetesApiRef } from '@backstage/plugin-kubernetes-react';
import { screen } from '@testing-library/react';
import { GpuRequestsCard } from './GpuRequestsCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'valuation-model',
    annotations: { 'backstage.io/kubernetes-id': 'valuation-model' },
  },
  spec: { type: 'service', owner: 'ai', lifecycle: 'production' },
};

function render(api: {
  getClusters: jest.Mock;
  getObjectsByEntity: jest.Mock;
}) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <GpuRequestsCard />
    </EntityProvider>,
    { apis: [[kubernetesApiRef, api]] },
  );
}

describe('GpuRequestsCard', () => {
  it('shows progress while the clusters answer', async () => {
    await render({
      getClusters: jest.fn(() => new Promise(() => {})),
      getObjectsByEntity: jest.fn(),
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('names the key to set when no cluster is configured', async () => {
    const getObjectsByEntity = jest.fn();
    await render({ getClusters: jest.fn(async () => []), getObjectsByEntity });
    expect(
      await screen.findByText(
        'Set kubernetes.clusterLocatorMethods in app-config.yaml to show Kubernetes here.',
      ),
    ).toBeInTheDocument();
    expect(getObjectsByEntity).not.toHaveBeenCalled();
  });

  it('lists the GPUs each workload requests', async () => {
    await render({
      getClusters: jest.fn(async () => [
        { name: 'prod-eu-1', authProvider: 'serviceAccount' },
      ]),
      getObjectsByEntity: jest.fn(async () => ({
        items: [
          {
            cluster: { name: 'prod-eu-1' },
            podMetrics: [],
            errors: [],
            resources: [
              {
                type: 'pods',
                resources: [
                  {
                    metadata: { name: 'valuation-model-7d9f', namespace: 'ai' },
                    spec: {
                      containers: [
                        {
                          name: 'model',
                          resources: { requests: { 'nvidia.com/gpu': '2' } },
                        },
                      ],
                    },
                  },
                ],
              },
            ],
          },
        ],
      })),
    });
    expect(await screen.findByText('valuation-model-7d9f')).toBeInTheDocument();
    expect(screen.getByText('nvidia.com/gpu')).toBeInTheDocument();
    expect(screen.getByText('2')).toBeInTheDocument();
  });

  it('says so when no workload requests a GPU', async () => {
    await render({
      getClusters: jest.fn(async () => [{ name: 'c', authProvider: 'x' }]),
      getObjectsByEntity: jest.fn(async () => ({ items: [] })),
    });
    expect(
      await screen.findByText('No workload of this entity requests a GPU.'),
    ).toBeInTheDocument();
  });

  it('shows why the clusters could not be read', async () => {
    await render({
      getClusters: jest.fn(async () => {
        throw new Error('kubernetes backend unreachable');
      }),
      getObjectsByEntity: jest.fn(),
    });
    expect(
      await screen.findByText('kubernetes backend unreachable'),
    ).toBeInTheDocument();
  });
});
