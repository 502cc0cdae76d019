import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, InputError } from '@backstage/errors';
import fs from 'node:fs';
import path from 'node:path';
import { actionContext, tempDir } from '../__testUtils__/context';
import { LocalGitRepositories } from '../localGit/LocalGitRepositories';
import { createPublishLocalAction } from './publishLocal';

describe('gogidix:repo:publish', () => {
  const component = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'listing-photos' },
  };

  function setup(
    addLocation: jest.Mock,
    getEntityByRef = jest.fn().mockResolvedValue(component),
  ) {
    const root = tempDir('publish-git-');
    const workspace = tempDir('publish-ws-');
    fs.writeFileSync(
      path.join(workspace, 'catalog-info.yaml'),
      'kind: Component\nmetadata:\n  name: listing-photos\n',
    );
    const repositories = new LocalGitRepositories(root, 'https://git.test');
    const action = createPublishLocalAction({
      repositories,
      auth: mockServices.auth(),
      catalog: { addLocation, getEntityByRef } as never,
    });
    const run = () =>
      action.handler(
        actionContext(workspace, { owner: 'listings', name: 'listing-photos' })
          .ctx as never,
      );
    return { root, repositories, run };
  }

  it('removes the repository again when the catalog refuses its entities', async () => {
    const addLocation = jest
      .fn()
      .mockRejectedValue(
        new InputError('Policy check failed: spec.owner is missing'),
      );
    const { root, repositories, run } = setup(addLocation);
    await expect(run()).rejects.toThrow(/spec.owner is missing/);
    expect(await repositories.exists('listings', 'listing-photos')).toBe(false);
    // Nothing half-made is left in the folder either.
    expect(fs.readdirSync(root).filter(f => f.startsWith('.staging'))).toEqual(
      [],
    );
    expect(addLocation).toHaveBeenCalledTimes(1);
  });

  it('registers only after the dry run accepted the entities', async () => {
    const addLocation = jest
      .fn()
      .mockResolvedValueOnce({ entities: [component] })
      .mockRejectedValueOnce(new ConflictError('location already exists'));
    const { repositories, run } = setup(addLocation);
    await expect(run()).rejects.toThrow(/already exists/);
    expect(addLocation.mock.calls.map(([req]) => Boolean(req.dryRun))).toEqual([
      true,
      false,
    ]);
    expect(await repositories.exists('listings', 'listing-photos')).toBe(false);
  });

  it("registers on the portal's behalf: developers may not register locations", async () => {
    const addLocation = jest.fn().mockResolvedValue({ entities: [component] });
    const { run } = setup(addLocation);
    await run();
    expect(
      addLocation.mock.calls.map(
        ([, { credentials }]) => credentials.principal,
      ),
    ).toEqual([
      expect.objectContaining({ type: 'service' }),
      expect.objectContaining({ type: 'service' }),
    ]);
  });

  it('refuses a name whose repository exists, and keeps that repository', async () => {
    const addLocation = jest.fn().mockResolvedValue({ entities: [component] });
    const { repositories, run } = setup(addLocation);
    await run();
    const head = await repositories.headCommit({
      owner: 'listings',
      name: 'listing-photos',
      ref: 'main',
      filePath: '',
    });
    await expect(run()).rejects.toThrow(
      /repository listings\/listing-photos already exists/,
    );
    expect(
      await repositories.headCommit({
        owner: 'listings',
        name: 'listing-photos',
        ref: 'main',
        filePath: '',
      }),
    ).toBe(head);
  });

  it('finishes once the catalog has processed the new entity', async () => {
    const addLocation = jest.fn().mockResolvedValue({ entities: [component] });
    const getEntityByRef = jest
      .fn()
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce(undefined)
      .mockResolvedValue(component);
    const { run, repositories } = setup(addLocation, getEntityByRef);
    await run();
    expect(getEntityByRef).toHaveBeenCalledTimes(3);
    expect(getEntityByRef).toHaveBeenCalledWith(
      'component:default/listing-photos',
      expect.anything(),
    );
    // Registered: nothing is left for the unfinished-publish sweep.
    expect(await repositories.unfinished()).toEqual([]);
  });
});
