import { ComplianceClient } from './client';

function clientAnswering(response: Response) {
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) => response);
  const client = new ComplianceClient({
    discoveryApi: {
      getBaseUrl: async () => 'http://portal.test/api/compliance',
    },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

const entity = { kind: 'Component', namespace: 'default', name: 'payments' };

describe('ComplianceClient', () => {
  it('reads an entity at its address', async () => {
    const { client, fetch } = clientAnswering(new Response('{}'));
    await client.getEntityCompliance(entity);
    expect(fetch).toHaveBeenCalledWith(
      'http://portal.test/api/compliance/entities/component/default/payments',
      undefined,
    );
  });

  it('posts a waiver as JSON', async () => {
    const { client, fetch } = clientAnswering(
      new Response('{"id":"w1"}', { status: 201 }),
    );
    const request = {
      checkId: 'repo.codeowners',
      reason: 'Owners file lands next sprint',
      approver: 'user:default/jane.doe',
      expiresAt: '2026-12-31T00:00:00Z',
    };
    await expect(client.createWaiver(entity, request)).resolves.toEqual({
      id: 'w1',
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://portal.test/api/compliance/entities/component/default/payments/waivers',
      expect.objectContaining({
        method: 'POST',
        body: JSON.stringify(request),
      }),
    );
  });

  it('exports with the team filter, and throws the backend error', async () => {
    const { client, fetch } = clientAnswering(
      new Response('{"error":{"name":"NotAllowedError","message":"no"}}', {
        status: 403,
        headers: { 'content-type': 'application/json' },
      }),
    );
    await expect(
      client.getExport('csv', { teams: ['group:default/payments'] }),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 403 });
    expect(fetch).toHaveBeenCalledWith(
      'http://portal.test/api/compliance/export.csv?team=group%3Adefault%2Fpayments',
      undefined,
    );
  });
});
