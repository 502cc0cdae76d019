import { OnCallClient } from './client';

/** `answer` makes each call's response: a body can be read only once. */
function clientAnswering(answer: () => Response) {
  const fetch = jest.fn(async (_url: string) => answer());
  const client = new OnCallClient({
    discoveryApi: { getBaseUrl: async () => 'http://portal.test/api/oncall' },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

const ref = 'component:default/listings-service';
const base = 'http://portal.test/api/oncall';

describe('OnCallClient', () => {
  it.each([
    [
      'serviceOnCall',
      `${base}/entities/component/default/listings-service/pagerduty`,
    ],
    ['grafana', `${base}/entities/component/default/listings-service/grafana`],
    [
      'vaultSecrets',
      `${base}/entities/component/default/listings-service/vault`,
    ],
    [
      'firingAlerts',
      `${base}/entities/component/default/listings-service/alerts`,
    ],
  ] as const)('%s asks at the entity address', async (method, url) => {
    const { client, fetch } = clientAnswering(() => new Response('{}'));
    await client[method](ref);
    expect(fetch).toHaveBeenCalledWith(url);
  });

  it('asks for every firing alert without an entity', async () => {
    const { client, fetch } = clientAnswering(() => new Response('{}'));
    await client.firingAlerts();
    expect(fetch).toHaveBeenCalledWith(`${base}/alerts`);
  });

  it('reads runbooks under the entity, the name encoded', async () => {
    const { client, fetch } = clientAnswering(() => new Response('{}'));
    const entity = {
      kind: 'Component',
      namespace: 'default',
      name: 'listings-service',
    };
    await client.listRunbooks(entity);
    await client.getRunbook(entity, 'high error rate');
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      `${base}/entities/component/default/listings-service/runbooks`,
      `${base}/entities/component/default/listings-service/runbooks/high%20error%20rate`,
    ]);
  });

  it('throws the backend error', async () => {
    const { client } = clientAnswering(
      () =>
        new Response('{"error":{"name":"NotFoundError","message":"gone"}}', {
          status: 404,
          headers: { 'content-type': 'application/json' },
        }),
    );
    await expect(client.grafana(ref)).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
    });
  });
});
