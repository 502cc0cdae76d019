import { AuditClient } from './client';

function clientAnswering(response: Response) {
  const fetch = jest.fn(async (_url: string) => response);
  const client = new AuditClient({
    discoveryApi: { getBaseUrl: async () => 'http://portal.test/api/audit' },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

describe('AuditClient', () => {
  it('asks for a page with the filters that are set', async () => {
    const page = { items: [], totalCount: 0, offset: 50, limit: 25 };
    const { client, fetch } = clientAnswering(
      new Response(JSON.stringify(page), { status: 200 }),
    );
    await expect(
      client.listEvents(
        { actor: 'user:default/jane.doe', eventId: '', outcome: 'failed' },
        { offset: 50, limit: 25 },
      ),
    ).resolves.toEqual(page);
    expect(fetch).toHaveBeenCalledWith(
      'http://portal.test/api/audit/events?actor=user%3Adefault%2Fjane.doe&outcome=failed&offset=50&limit=25',
    );
  });

  it('rethrows the backend error with its body', async () => {
    const { client } = clientAnswering(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotAllowedError',
            message: 'Not allowed to read the audit trail',
          },
          request: { method: 'GET', url: '/export.csv' },
          response: { statusCode: 403 },
        }),
        { status: 403, headers: { 'content-type': 'application/json' } },
      ),
    );
    // ResponseErrorPanel shows the backend's message from the body.
    await expect(client.exportEvents({}, 'csv')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      body: { error: { message: 'Not allowed to read the audit trail' } },
    });
  });
});
