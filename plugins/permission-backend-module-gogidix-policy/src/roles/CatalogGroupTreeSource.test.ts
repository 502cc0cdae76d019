import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { orgGroups } from '../__testUtils__/org';
import { CatalogGroupTreeSource } from './CatalogGroupTreeSource';

describe('CatalogGroupTreeSource', () => {
  function setUp() {
    let now = 0;
    const catalog = catalogServiceMock({ entities: orgGroups() });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    const logger = mockServices.logger.mock();
    const source = new CatalogGroupTreeSource({
      catalog,
      auth: mockServices.auth(),
      logger,
      managerAnnotation: 'gogidix.io/lead',
      maxAgeMs: 60_000,
      now: () => now,
    });
    return {
      source,
      getEntities,
      logger,
      advance: (ms: number) => (now += ms),
    };
  }

  it('reads the catalog once per freshness window, even when asked at once', async () => {
    const { source, getEntities, advance } = setUp();
    const [tree] = await Promise.all([source.get(), source.get()]);
    expect(tree.size).toBe(7);
    advance(59_000);
    await source.get();
    expect(getEntities).toHaveBeenCalledTimes(1);
    advance(2_000);
    await source.get();
    expect(getEntities).toHaveBeenCalledTimes(2);
  });

  it('keeps the last tree when the catalog fails, and fails with none', async () => {
    const { source, getEntities, logger, advance } = setUp();
    getEntities.mockRejectedValueOnce(new Error('catalog down'));
    await expect(source.get()).rejects.toThrow('catalog down');

    const tree = await source.get();
    advance(120_000);
    getEntities.mockRejectedValueOnce(new Error('catalog down'));
    expect(await source.get()).toBe(tree);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/groups read 120 s ago: Error: catalog down/),
    );
  });
});
