import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { sloSummaryFetch } from '../__testUtils__/fixtures';
import { CatalogFactRetriever } from './CatalogFactRetriever';
import { SloFactRetriever } from './SloFactRetriever';

const now = new Date('2026-11-27T09:00:00Z');
const entity = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name },
  spec: { owner: 'listings' },
});
const entities = ['listings-service', 'payments-service', 'status-page'].map(
  name => ({ entity: entity(name), entityRef: `component:default/${name}` }),
);
const discovery = mockServices.discovery.mock({
  getBaseUrl: async id => `http://portal.test/api/${id}`,
});

describe('SloFactRetriever', () => {
  it('asks the SLO plugin with a service token and reads SLO status per entity', async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    const answer = sloSummaryFetch([
      { entityRef: 'component:default/listings-service', status: 'healthy' },
      { entityRef: 'component:default/listings-service', status: 'at-risk' },
      { entityRef: 'component:default/payments-service', status: 'exhausted' },
    ]);
    const retriever = new SloFactRetriever({
      discovery,
      auth: mockServices.auth(),
      fetch: (async (url: string, init?: RequestInit) => {
        calls.push([url, init]);
        return answer(url, init);
      }) as typeof fetch,
    });
    const facts = await retriever.retrieve(entities, now);
    const value = (ref: string, id: string) =>
      facts.find(
        f => f.entityRef === `component:default/${ref}` && f.factId === id,
      )?.value;
    expect(value('listings-service', 'slo.defined')).toBe(true);
    expect(value('listings-service', 'slo.budgetExhausted')).toBe(false);
    expect(value('payments-service', 'slo.budgetExhausted')).toBe(true);
    expect(value('status-page', 'slo.defined')).toBe(false);
    expect(value('status-page', 'slo.budgetExhausted')).toBeNull();
    expect(calls[0][0]).toBe('http://portal.test/api/slo/summary');
    expect(
      (calls[0][1]?.headers as Record<string, string>).Authorization,
    ).toMatch(/^Bearer mock-service-token/);
    expect(facts[0].source).toBe('http://portal.test/api/slo/summary');
  });

  it.each([
    [
      'refuses the connection',
      (async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:7007');
      }) as unknown as typeof fetch,
      'the SLO plugin is unavailable: connect ECONNREFUSED 127.0.0.1:7007',
    ],
    [
      'answers 503',
      (async () =>
        new Response(
          JSON.stringify({
            error: { name: 'ServiceUnavailableError', message: 'starting' },
          }),
          {
            status: 503,
            headers: { 'Content-Type': 'application/json' },
          },
        )) as unknown as typeof fetch,
      /^the SLO plugin is unavailable: Request failed with 503/,
    ],
  ])(
    'puts the SLO facts in an error state when the SLO plugin %s',
    async (_, fetch, reason) => {
      const facts = await new SloFactRetriever({
        discovery,
        auth: mockServices.auth(),
        fetch,
      }).retrieve(entities, now);
      expect(facts).toHaveLength(6);
      for (const fact of facts) {
        expect(fact.value).toBeNull();
        expect(fact.error).toMatch(reason);
      }
    },
  );
});

describe('CatalogFactRetriever', () => {
  it('reads ownership, tier and the operational annotations', async () => {
    const facts = await new CatalogFactRetriever().retrieve(
      [
        {
          entityRef: 'component:default/svc',
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: {
              name: 'svc',
              labels: { 'gogidix.io/tier': 'tier-1' },
              annotations: {
                'pagerduty.com/service-id': 'P123ABC',
                'gogidix.io/runbooks': './docs/runbooks',
                'backstage.io/managed-by-location':
                  'file:/repo/svc/catalog-info.yaml',
              },
            },
            spec: {
              owner: 'listings',
              lifecycle: 'production',
              providesApis: [],
            },
          },
        },
      ],
      now,
    );
    expect(Object.fromEntries(facts.map(f => [f.factId, f.value]))).toEqual({
      'catalog.owner': 'listings',
      'catalog.lifecycle': 'production',
      'catalog.tier': 'tier-1',
      'catalog.pagerduty': true,
      'catalog.runbooksDeclared': true,
      'catalog.sloDeclared': false,
      'catalog.vaultPath': false,
      'catalog.apiSpec': false,
    });
    expect(facts[0].source).toBe('catalog file:svc/catalog-info.yaml');
  });
});
