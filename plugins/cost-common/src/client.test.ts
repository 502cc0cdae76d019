import { CostClient } from './client';

/** `answer` makes each call's response: a body can be read only once. */
function clientAnswering(answer: () => Response) {
  const fetch = jest.fn(async (_url: string) => answer());
  const client = new CostClient({
    discoveryApi: { getBaseUrl: async () => 'http://portal.test/api/cost' },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

describe('CostClient', () => {
  it('asks for an entity cost at its address', async () => {
    const { client, fetch } = clientAnswering(() => new Response('{}'));
    await client.getEntityCost('component:default/listings-service', 7);
    expect(fetch).toHaveBeenCalledWith(
      'http://portal.test/api/cost/entities/component/default/listings-service/cost?days=7',
    );
  });

  it('sends the team only when one is asked for', async () => {
    const { client, fetch } = clientAnswering(() => new Response('{}'));
    await client.getOverview({ days: 30 });
    await client.getSavings({ team: 'listings' });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'http://portal.test/api/cost/overview?days=30',
      'http://portal.test/api/cost/savings?team=listings',
    ]);
  });

  it('asks for the invoice by the basis picked', async () => {
    const { client, fetch } = clientAnswering(() => new Response('{}'));
    await client.getInvoice({ basis: 'charge-period', months: 6 });
    await client.getInvoice({ basis: 'billing-period' });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'http://portal.test/api/cost/invoice?basis=charge-period&months=6',
      'http://portal.test/api/cost/invoice?basis=billing-period',
    ]);
  });
});
