import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { actionContext, tempDir } from '../__testUtils__/context';
import { LocalGitRepositories } from '../localGit/LocalGitRepositories';
import { createPublishLocalAction } from './publishLocal';

/**
 * Inputs of gogidix:repo:publish that try to leave the git root or the
 * workspace: each is refused naming the input, and nothing is written.
 */
describe('gogidix:repo:publish with bad input', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    [
      'owner climbing out of the git root',
      { owner: '../../etc', name: 'svc' },
      /Repository owner "..\/..\/etc" is not valid/,
    ],
    [
      'name climbing out of the git root',
      { owner: 'listings', name: '../escape' },
      /Repository name "..\/escape" is not valid/,
    ],
    [
      'an absolute owner',
      { owner: '/tmp', name: 'svc' },
      /Repository owner "\/tmp" is not valid/,
    ],
    [
      'a nested name',
      { owner: 'listings', name: 'a/b' },
      /Repository name "a\/b" is not valid/,
    ],
    [
      'markup in the name',
      { owner: 'listings', name: '<script>x</script>' },
      /Repository name "<script>x<\/script>" is not valid/,
    ],
    [
      'an empty owner',
      { owner: '', name: 'svc' },
      /Repository owner "" is not valid/,
    ],
    [
      'a source path outside the workspace',
      { owner: 'listings', name: 'svc', sourcePath: '../../' },
      /outside/,
    ],
  ];

  it.each(cases)('refuses %s', async (_name, input, message) => {
    const root = tempDir('bad-publish-git-');
    const workspace = tempDir('bad-publish-ws-');
    fs.writeFileSync(
      path.join(workspace, 'catalog-info.yaml'),
      'kind: Component\n',
    );
    const addLocation = jest.fn();
    const action = createPublishLocalAction({
      repositories: new LocalGitRepositories(root, 'https://git.test'),
      auth: mockServices.auth(),
      catalog: { addLocation, getEntityByRef: jest.fn() } as never,
    });
    await expect(
      action.handler(actionContext(workspace, input).ctx as never),
    ).rejects.toThrow(message);
    expect(fs.readdirSync(root)).toEqual([]);
    expect(
      fs
        .readdirSync(path.dirname(root))
        .filter(f => f === 'etc' || f === 'escape.git'),
    ).toEqual([]);
    expect(addLocation).not.toHaveBeenCalled();
  });
});
