import { SloClient } from './client';

function clientAnswering(response: Response) {
  const fetch = jest.fn(async (_url: string) => response);
  const client = new SloClient({
    discoveryApi: { getBaseUrl: async () => 'http://portal.test/api/slo' },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

describe('SloClient', () => {
  it('asks for an entity status at its address, as of a time', async () => {
    const { client, fetch } = clientAnswering(
      new Response('{"slos":[]}', { status: 200 }),
    );
    await client.getEntityStatus(
      { kind: 'Component', namespace: 'default', name: 'listings-service' },
      new Date('2026-11-01T00:00:00Z'),
    );
    expect(fetch).toHaveBeenCalledWith(
      'http://portal.test/api/slo/entities/component/default/listings-service/status?at=2026-11-01T00%3A00%3A00.000Z',
    );
  });

  it('repeats owner and tier filters', async () => {
    const { client, fetch } = clientAnswering(
      new Response('a,b\n', { status: 200 }),
    );
    await expect(
      client.getOrgSummaryCsv({
        owners: ['group:default/listings', 'group:default/payments'],
        tiers: ['tier-0'],
      }),
    ).resolves.toBe('a,b\n');
    expect(fetch).toHaveBeenCalledWith(
      'http://portal.test/api/slo/summary.csv?owner=group%3Adefault%2Flistings&owner=group%3Adefault%2Fpayments&tier=tier-0',
    );
  });

  it('asks for the org summary as of a time', async () => {
    const { client, fetch } = clientAnswering(
      new Response('{"slos":[]}', { status: 200 }),
    );
    await client.getOrgSummary({
      owners: ['group:default/listings'],
      at: new Date('2026-11-01T00:00:00Z'),
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://portal.test/api/slo/summary?owner=group%3Adefault%2Flistings&at=2026-11-01T00%3A00%3A00.000Z',
    );
  });

  it('asks the deploy gate and posts an override as JSON', async () => {
    const { client, fetch } = clientAnswering(
      new Response('{"decision":"deny"}', { status: 200 }),
    );
    await client.getDeployGate('component:default/listings-service');
    expect(fetch).toHaveBeenCalledWith(
      'http://portal.test/api/slo/deploy-gate?entityRef=component%3Adefault%2Flistings-service',
    );
    const posting = clientAnswering(
      new Response('{"id":"o1"}', { status: 201 }),
    );
    const body = {
      entityRef: 'component:default/listings-service',
      reason: 'hotfix',
      expiresInMinutes: 120,
    };
    await expect(
      posting.client.createDeployGateOverride(body),
    ).resolves.toEqual({ id: 'o1' });
    expect(posting.fetch).toHaveBeenCalledWith(
      'http://portal.test/api/slo/deploy-gate/overrides',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
  });

  it('throws the backend error', async () => {
    const { client } = clientAnswering(
      new Response('{"error":{"name":"NotAllowedError","message":"no"}}', {
        status: 403,
        headers: { 'content-type': 'application/json' },
      }),
    );
    await expect(client.getOrgSummary()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
    });
  });
});
