import { ObjectsByEntityResponse } from '@backstage/plugin-kubernetes-common';
import { gpuRequests } from './gpuRequests';

const pod = (
  name: string,
  containers: Array<{
    name: string;
    requests?: Record<string, string>;
    limits?: Record<string, string>;
  }>,
) => ({
  metadata: { name, namespace: 'ai' },
  spec: {
    containers: containers.map(c => ({
      name: c.name,
      resources: { requests: c.requests, limits: c.limits },
    })),
  },
});

describe('gpuRequests', () => {
  it('finds GPU requests and limit-only GPUs, and ignores CPU and memory', () => {
    const response = {
      items: [
        {
          cluster: { name: 'prod-eu-1', title: 'Production EU' },
          podMetrics: [],
          errors: [],
          resources: [
            {
              type: 'pods',
              resources: [
                pod('valuation-model-7d9f', [
                  {
                    name: 'model',
                    requests: {
                      cpu: '4',
                      memory: '16Gi',
                      'nvidia.com/gpu': '1',
                    },
                  },
                  { name: 'sidecar', requests: { cpu: '100m' } },
                ]),
                pod('trainer-0', [
                  { name: 'trainer', limits: { 'nvidia.com/gpu': '4' } },
                ]),
                pod('recs-5', [
                  {
                    name: 'recs',
                    requests: { 'nvidia.com/mig-1g.10gb': '1' },
                  },
                ]),
              ],
            },
            { type: 'services', resources: [] },
          ],
        },
      ],
    } as unknown as ObjectsByEntityResponse;
    expect(gpuRequests(response)).toEqual([
      {
        cluster: 'Production EU',
        namespace: 'ai',
        pod: 'valuation-model-7d9f',
        container: 'model',
        resource: 'nvidia.com/gpu',
        count: 1,
      },
      {
        cluster: 'Production EU',
        namespace: 'ai',
        pod: 'trainer-0',
        container: 'trainer',
        resource: 'nvidia.com/gpu',
        count: 4,
      },
      {
        cluster: 'Production EU',
        namespace: 'ai',
        pod: 'recs-5',
        container: 'recs',
        resource: 'nvidia.com/mig-1g.10gb',
        count: 1,
      },
    ]);
  });

  it('is empty without pods', () => {
    expect(gpuRequests({ items: [] })).toEqual([]);
  });
});
