import { DeliveryClient } from './client';

/** `answer` makes each call's response: a body can be read only once. */
function clientAnswering(answer: () => Response) {
  const fetch = jest.fn(async (_url: string) => answer());
  const client = new DeliveryClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://portal.test/api/${pluginId}`,
    },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

describe('DeliveryClient', () => {
  it("asks for an entity's delivery at its address", async () => {
    const { client, fetch } = clientAnswering(() => new Response('{}'));
    await client.getEntityDelivery('component:default/payments-api', 90);
    expect(fetch).toHaveBeenCalledWith(
      'http://portal.test/api/delivery/entities/component/default/payments-api/delivery?days=90',
    );
  });

  it('sends the team only when one is asked for', async () => {
    const { client, fetch } = clientAnswering(() => new Response('{}'));
    await client.getOverview({ days: 30 });
    await client.getOverview({ days: 90, team: 'group:default/payments' });
    await client.exportCsv({ days: 30, team: 'group:default/payments' });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'http://portal.test/api/delivery/overview?days=30',
      'http://portal.test/api/delivery/overview?days=90&team=group%3Adefault%2Fpayments',
      'http://portal.test/api/delivery/export.csv?days=30&team=group%3Adefault%2Fpayments',
    ]);
  });

  it('returns the CSV as text', async () => {
    const { client } = clientAnswering(
      () => new Response('service,team\npayments-api,payments\n'),
    );
    await expect(client.exportCsv({ days: 30 })).resolves.toBe(
      'service,team\npayments-api,payments\n',
    );
  });

  it('asks for deployments between two instants', async () => {
    const { client, fetch } = clientAnswering(
      () => new Response('{"deployments":[]}'),
    );
    await client.getDeployments('component:Default/Payments-API', {
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://portal.test/api/delivery/entities/component/default/Payments-API/deployments?from=2026-11-01T00%3A00%3A00.000Z&to=2026-12-01T00%3A00%3A00.000Z',
    );
  });

  it("rethrows the backend's refusal", async () => {
    const { client } = clientAnswering(
      () =>
        new Response(
          JSON.stringify({
            error: { name: 'NotAllowedError', message: 'not yours' },
            response: { statusCode: 403 },
          }),
          { status: 403, headers: { 'content-type': 'application/json' } },
        ),
    );
    await expect(
      client.getEntityDelivery('component:default/payments-api', 30),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      body: { error: { name: 'NotAllowedError' } },
    });
  });
});
