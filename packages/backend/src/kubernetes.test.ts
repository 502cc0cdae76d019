import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesBackend from '@backstage/plugin-kubernetes-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { readAppConfig } from './__testUtils__/appConfig';

const TOKEN = 'standin-service-account-token';

/**
 * A stand-in Kubernetes API server: list endpoints (`/api/v1/pods`,
 * `/apis/apps/v1/deployments`, ...) filtered by `labelSelector`, bearer token
 * auth, `*List` bodies and a `Status` body on errors, as the API documents.
 */
async function startKubernetesStandIn() {
  const paths: string[] = [];
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'valuation-model-7d9f8c6b5-x2k4q',
      namespace: 'ai',
      labels: { 'backstage.io/kubernetes-id': 'valuation-model' },
    },
    spec: {
      nodeName: 'gpu-a100-1',
      containers: [
        {
          name: 'model',
          image: 'registry.gogidix.dev/ai/valuation-model:2.4.1',
          resources: {
            requests: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' },
            limits: { 'nvidia.com/gpu': '1' },
          },
        },
      ],
    },
    status: { phase: 'Running' },
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://stand-in');
    paths.push(url.pathname);
    res.setHeader('Content-Type', 'application/json');
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.statusCode = 401;
      res.end(
        JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          message: 'Unauthorized',
          reason: 'Unauthorized',
          code: 401,
        }),
      );
      return;
    }
    const kind = url.pathname.split('/').pop()!;
    const selector = url.searchParams.get('labelSelector');
    const items =
      kind === 'pods' &&
      selector === 'backstage.io/kubernetes-id=valuation-model'
        ? [pod]
        : [];
    res.end(
      JSON.stringify({
        kind: 'List',
        apiVersion: 'v1',
        metadata: { resourceVersion: '4711' },
        items,
      }),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, paths, server };
}

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'valuation-model',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'valuation-model' },
  },
  spec: { type: 'service', owner: 'ai', lifecycle: 'production' },
};

// The catalog and permission services the Kubernetes backend asks: the
// entity exists and, as the portal's allow-all policy says, may be read.
const services = [
  catalogServiceMock.factory({ entities: [entity] }),
  mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
];

// Starting the Kubernetes backend takes seconds on a busy 2-core machine.

describe('the Kubernetes backend as the portal configures it', () => {
  it('has no cluster in the embedded default', async () => {
    const { server } = await startTestBackend({
      features: [
        kubernetesBackend,
        ...services,
        mockServices.rootConfig.factory({ data: readAppConfig() }),
      ],
    });
    const res = await request(server)
      .get('/api/kubernetes/clusters')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('finds an entity’s pods, with their GPU requests, on a configured cluster', async () => {
    const k8s = await startKubernetesStandIn();
    try {
      const appConfig = readAppConfig();
      const { server } = await startTestBackend({
        features: [
          kubernetesBackend,
          ...services,
          mockServices.rootConfig.factory({
            data: {
              ...appConfig,
              kubernetes: {
                ...(appConfig.kubernetes as object),
                clusterLocatorMethods: [
                  {
                    type: 'config',
                    clusters: [
                      {
                        name: 'prod-eu-1',
                        url: k8s.url,
                        authProvider: 'serviceAccount',
                        serviceAccountToken: TOKEN,
                        skipMetricsLookup: true,
                      },
                    ],
                  },
                ],
              },
            },
          }),
        ],
      });
      const res = await request(server)
        .post('/api/kubernetes/services/valuation-model')
        .set('Authorization', mockCredentials.user.header())
        .send({ entity, auth: {} });
      expect(res.status).toBe(200);
      const [cluster] = res.body.items;
      expect(cluster.cluster.name).toBe('prod-eu-1');
      expect(cluster.errors).toEqual([]);
      const pods = cluster.resources.find(
        (r: { type: string }) => r.type === 'pods',
      ).resources;
      expect(pods).toHaveLength(1);
      expect(pods[0].spec.containers[0].resources.requests).toMatchObject({
        'nvidia.com/gpu': '1',
      });
      expect(k8s.paths).toContain('/api/v1/pods');
    } finally {
      k8s.server.closeAllConnections();
      k8s.server.close();
    }
  });
});
