import { ResponseError } from '@backstage/errors';
import { PluginFetch } from './pluginFetch';

/** `answer` makes each call's response: a body can be read only once. */
function pluginAnswering(answer: () => Response) {
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) => answer());
  const getBaseUrl = jest.fn(
    async (pluginId: string) => `http://portal.test/api/${pluginId}`,
  );
  const http = new PluginFetch('slo', {
    discoveryApi: { getBaseUrl },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { http, fetch, getBaseUrl };
}

describe('PluginFetch', () => {
  it('asks discovery for its plugin and appends path and query', async () => {
    const { http, fetch, getBaseUrl } = pluginAnswering(
      () => new Response('{}'),
    );
    await http.fetch('/entities/component/default/x/status', {
      at: '2026-11-01T00:00:00.000Z',
    });
    expect(getBaseUrl).toHaveBeenCalledWith('slo');
    expect(fetch).toHaveBeenCalledWith(
      'http://portal.test/api/slo/entities/component/default/x/status?at=2026-11-01T00%3A00%3A00.000Z',
    );
  });

  it('repeats array values, skips undefined ones, keeps the order', async () => {
    const { http, fetch } = pluginAnswering(() => new Response('{}'));
    await http.fetch('/summary', {
      owner: ['group:default/a', 'group:default/b'],
      team: undefined,
      tier: 'tier-0',
      empty: [],
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://portal.test/api/slo/summary?owner=group%3Adefault%2Fa&owner=group%3Adefault%2Fb&tier=tier-0',
    );
  });

  it('takes URLSearchParams as they are', async () => {
    const { http, fetch } = pluginAnswering(() => new Response('{}'));
    await http.fetch('/events', new URLSearchParams([['limit', '25']]));
    expect(fetch).toHaveBeenCalledWith(
      'http://portal.test/api/slo/events?limit=25',
    );
  });

  it('adds no ? for an empty or missing query', async () => {
    const { http, fetch } = pluginAnswering(() => new Response('{}'));
    await http.fetch('/a');
    await http.fetch('/b', {});
    await http.fetch('/c', { team: undefined, owner: [] });
    await http.fetch('/d', new URLSearchParams());
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'http://portal.test/api/slo/a',
      'http://portal.test/api/slo/b',
      'http://portal.test/api/slo/c',
      'http://portal.test/api/slo/d',
    ]);
  });

  it('passes init on only when it is given', async () => {
    const { http, fetch } = pluginAnswering(() => new Response('{}'));
    const init = { method: 'POST', body: '{}' };
    await http.fetch('/a');
    await http.fetch('/b', undefined, undefined);
    await http.fetch('/c', undefined, init);
    expect(fetch.mock.calls).toEqual([
      ['http://portal.test/api/slo/a'],
      ['http://portal.test/api/slo/b', undefined],
      ['http://portal.test/api/slo/c', init],
    ]);
  });

  it('throws a non-2xx answer as a ResponseError with its status and body', async () => {
    const { http } = pluginAnswering(
      () =>
        new Response(
          JSON.stringify({
            error: { name: 'NotAllowedError', message: 'no' },
            request: { method: 'GET', url: '/summary' },
            response: { statusCode: 403 },
          }),
          { status: 403, headers: { 'content-type': 'application/json' } },
        ),
    );
    const error = await http.json('/summary').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({
      statusCode: 403,
      body: { error: { name: 'NotAllowedError', message: 'no' } },
    });
    await expect(http.text('/summary.csv')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
    });
  });

  it('reads the body as JSON, text or a blob', async () => {
    const { http } = pluginAnswering(
      () => new Response('{"slos":[1]}', { status: 201 }),
    );
    await expect(http.json<{ slos: number[] }>('/x')).resolves.toEqual({
      slos: [1],
    });
    await expect(http.text('/x')).resolves.toBe('{"slos":[1]}');
    const blob = await http.blob('/x');
    expect(blob).toBeInstanceOf(Blob);
    await expect(blob.text()).resolves.toBe('{"slos":[1]}');
  });
});
