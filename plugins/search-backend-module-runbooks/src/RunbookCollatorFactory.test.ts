import { DiscoveryService } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The collator reads runbooks through the real on-call backend.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import oncallPlugin from '@gogidix/plugin-oncall-backend';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  RunbookCollatorFactory,
  RunbookDocument,
} from './RunbookCollatorFactory';

const demo = path.resolve(__dirname, '../../../demo/services');

const service = (name: string, runbooks?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'backstage.io/managed-by-location': `file:${demo}/${name}/catalog-info.yaml`,
      ...(runbooks ? { 'gogidix.io/runbooks': runbooks } : {}),
    },
  },
  spec: { type: 'service', owner: 'listings', lifecycle: 'production' },
});

// The demo services with their real runbooks, one whose annotation leaves
// its repository, and one without runbooks.
const entities = [
  service('listings-service', './docs/runbooks'),
  service('payments-service', './docs/runbooks'),
  service('geo-service', '../listings-service/docs/runbooks'),
  service('status-page'),
];

describe('RunbookCollatorFactory', () => {
  let server: Server;
  let discovery: DiscoveryService;

  beforeAll(async () => {
    ({ server } = (await startTestBackend({
      features: [oncallPlugin, catalogServiceMock.factory({ entities })],
    })) as { server: Server });
    const { port } = server.address() as AddressInfo;
    discovery = {
      getBaseUrl: async id => `http://127.0.0.1:${port}/api/${id}`,
      getExternalBaseUrl: async id => `http://127.0.0.1:${port}/api/${id}`,
    };
  });

  const logger = mockServices.logger.mock();

  async function collect(): Promise<RunbookDocument[]> {
    const factory = new RunbookCollatorFactory({
      auth: mockServices.auth(),
      discovery,
      catalog: catalogServiceMock({ entities }),
      logger,
    });
    const documents: RunbookDocument[] = [];
    for await (const document of await factory.getCollator()) {
      documents.push(document);
    }
    return documents;
  }

  it('indexes every runbook of every entity at its portal URL', async () => {
    const documents = await collect();
    expect(documents.map(d => d.location).sort()).toEqual([
      '/runbooks/default/component/listings-service/high-error-rate',
      '/runbooks/default/component/listings-service/slo-availability-burn',
      '/runbooks/default/component/listings-service/slo-latency-burn',
      '/runbooks/default/component/payments-service/high-error-rate',
      '/runbooks/default/component/payments-service/slo-availability-burn',
      '/runbooks/default/component/payments-service/slo-latency-burn',
    ]);
    // A generated runbook is found by the alert it answers.
    expect(
      documents.find(d =>
        d.location.endsWith('payments-service/slo-latency-burn'),
      )?.text,
    ).toContain('PaymentsServiceLatencyErrorBudgetBurn');
    const availability = documents.find(d =>
      d.location.endsWith('listings-service/slo-availability-burn'),
    )!;
    expect(availability).toMatchObject({
      title:
        'Listings Service: availability error budget burning (listings-service)',
      entityRef: 'component:default/listings-service',
      owner: 'listings',
      authorization: { resourceRef: 'component:default/listings-service' },
    });
    expect(availability.text).toContain('pg_cancel_backend');
    expect(availability.text).not.toContain('](');
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Runbooks of component:default\/geo-service not indexed: /,
      ),
    );
  });
});
