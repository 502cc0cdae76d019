import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { actionContext, tempDir } from '../__testUtils__/context';
import { createRegisterCatalogAction } from './registerCatalog';

describe('gogidix:catalog:register', () => {
  const component = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'listing-photos', namespace: 'default' },
  };
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: {
        gitlab: [
          {
            host: 'gitlab.gogidix.dev',
            apiBaseUrl: 'https://gitlab.gogidix.dev/api/v4',
            token: 't',
          },
        ],
      },
    }),
  );

  function setup(addLocation: jest.Mock) {
    const action = createRegisterCatalogAction({
      catalog: { addLocation } as never,
      auth: mockServices.auth(),
      integrations,
    });
    return (input: Record<string, unknown>) => {
      const context = actionContext(tempDir('register-ws-'), input);
      return action.handler(context.ctx as never).then(() => context.outputs);
    };
  }

  it("registers the published repository's catalog file with the portal's credentials", async () => {
    const addLocation = jest.fn().mockResolvedValue({ entities: [component] });
    const outputs = await setup(addLocation)({
      repoContentsUrl: 'https://github.com/gogidix/listing-photos/blob/main',
      catalogInfoPath: '/catalog-info.yaml',
    });
    const target =
      'https://github.com/gogidix/listing-photos/tree/main/catalog-info.yaml';
    expect(addLocation.mock.calls).toEqual([
      [
        { type: 'url', target, dryRun: true },
        {
          credentials: expect.objectContaining({
            principal: expect.objectContaining({ type: 'service' }),
          }),
        },
      ],
      [
        { type: 'url', target },
        {
          credentials: expect.objectContaining({
            principal: expect.objectContaining({ type: 'service' }),
          }),
        },
      ],
    ]);
    expect(outputs).toEqual({
      catalogInfoUrl: target,
      entityRef: 'component:default/listing-photos',
    });
  });

  it('registers nothing when the file holds no entity', async () => {
    const addLocation = jest.fn().mockResolvedValue({ entities: [] });
    await expect(
      setup(addLocation)({
        repoContentsUrl:
          'https://gitlab.gogidix.dev/listings/photos/-/blob/main',
      }),
    ).rejects.toThrow(/holds no catalog entity/);
    expect(addLocation).toHaveBeenCalledTimes(1);
  });

  it('refuses a repository on a host the portal has no integration for', async () => {
    const addLocation = jest.fn();
    await expect(
      setup(addLocation)({
        repoContentsUrl: 'https://evil.example.com/x/y/blob/main',
      }),
    ).rejects.toThrow(/repoContentsUrl: .* is on no integrated host/);
    expect(addLocation).not.toHaveBeenCalled();
  });
});
