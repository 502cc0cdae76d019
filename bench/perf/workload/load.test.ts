import { pluginEndpoints } from './load';

describe('pluginEndpoints', () => {
  it("names the org pages' requests for the well-known team", () => {
    const endpoints = pluginEndpoints({
      wellKnown: {
        entityByName: { kind: 'component', namespace: 'default', name: 'x' },
        byRefs: [],
        team: 'web-iris-06',
        teams: [],
      },
    });
    expect(endpoints.map(e => `${e.method} ${e.path}`)).toEqual([
      'GET /api/slo/summary',
      'GET /api/slo/summary?owner=group%3Adefault%2Fweb-iris-06',
      'GET /api/compliance/summary',
      'GET /api/compliance/summary?team=group%3Adefault%2Fweb-iris-06',
      'GET /api/cost/overview?days=30',
      'GET /api/cost/savings',
      'GET /api/cost/overview?days=30&team=web-iris-06',
      'GET /api/cost/savings?team=web-iris-06',
    ]);
  });
});
