import { createMockDirectory } from '@backstage/backend-test-utils';
import { PlaceholderResolverParams } from '@backstage/plugin-catalog-node';
import fs from 'node:fs';
import path from 'node:path';
import { createPlaceholderResolvers, isLocalPath } from './placeholders';

describe('placeholder resolvers', () => {
  const dir = createMockDirectory({
    content: {
      'repo/catalog-info.yaml': 'kind: Component',
      'repo/openapi/api.yaml': 'openapi: 3.0.3\ninfo:\n  title: Listings\n',
      'repo/openapi/two.yaml': 'a: 1\n---\nb: 2\n',
      'repo/broken.json': '{"a":',
      'repo/data.json': '{"a": 1}',
      'secret.txt': 'not for the catalog',
      'shared/pages.yaml': 'title: Shared page\n',
    },
  });
  const catalogFile = path.join(dir.path, 'repo/catalog-info.yaml');
  const {
    text: textPlaceholderResolver,
    yaml: yamlPlaceholderResolver,
    json: jsonPlaceholderResolver,
  } = createPlaceholderResolvers([path.join(dir.path, 'shared')]);

  function params(
    value: unknown,
    overrides: Partial<PlaceholderResolverParams> = {},
  ): PlaceholderResolverParams {
    return {
      key: 'text',
      value: value as PlaceholderResolverParams['value'],
      baseUrl: catalogFile,
      read: jest.fn(),
      resolveUrl: jest.fn(),
      emit: jest.fn(),
      ...overrides,
    };
  }

  it.each([
    ['./openapi/api.yaml', 'openapi: 3.0.3'],
    ['openapi/api.yaml', 'openapi: 3.0.3'],
    ['./openapi/../openapi/api.yaml', 'openapi: 3.0.3'],
  ])('reads %s relative to a catalog file on disk', async (ref, expected) => {
    await expect(textPlaceholderResolver(params(ref))).resolves.toContain(
      expected,
    );
  });

  it.each([
    ['../secret.txt', /outside/],
    [path.join(dir.path, 'secret.txt'), /absolute path/],
    ['./openapi/missing.yaml', /ENOENT/],
    [42, /expects a string/],
  ])('refuses %s with a message that says why', async (ref, message) => {
    await expect(textPlaceholderResolver(params(ref))).rejects.toThrow(message);
  });

  it('reads from a configured shared folder, and only from there', async () => {
    await expect(
      yamlPlaceholderResolver(params('../shared/pages.yaml', { key: 'yaml' })),
    ).resolves.toEqual({ title: 'Shared page' });
    await expect(
      createPlaceholderResolvers([]).yaml(
        params('../shared/pages.yaml', { key: 'yaml' }),
      ),
    ).rejects.toThrow(/outside/);
  });

  it('refuses a symbolic link that leads out of the folder', async () => {
    fs.symlinkSync(
      path.join(dir.path, 'secret.txt'),
      path.join(dir.path, 'repo/link.txt'),
    );
    await expect(textPlaceholderResolver(params('./link.txt'))).rejects.toThrow(
      /through a link/,
    );
  });

  it('parses YAML and JSON and reports which file is invalid', async () => {
    await expect(
      yamlPlaceholderResolver(params('./openapi/api.yaml', { key: 'yaml' })),
    ).resolves.toEqual({ openapi: '3.0.3', info: { title: 'Listings' } });
    await expect(
      yamlPlaceholderResolver(params('./openapi/two.yaml', { key: 'yaml' })),
    ).rejects.toThrow(
      /exactly one YAML document in .\/openapi\/two.yaml, found 2/,
    );
    await expect(
      jsonPlaceholderResolver(params('./data.json', { key: 'json' })),
    ).resolves.toEqual({ a: 1 });
    await expect(
      jsonPlaceholderResolver(params('./broken.json', { key: 'json' })),
    ).rejects.toThrow(/invalid JSON in .\/broken.json/);
  });

  it('reads through the URL reader when the catalog file came from a URL', async () => {
    const base =
      'https://github.com/gogidix/listings/blob/main/catalog-info.yaml';
    const resolved =
      'https://github.com/gogidix/listings/blob/main/openapi/api.yaml';
    const read = jest.fn().mockResolvedValue(Buffer.from('spec'));
    const emit = jest.fn();
    const resolveUrl = jest.fn().mockReturnValue(resolved);

    await expect(
      textPlaceholderResolver(
        params('./openapi/api.yaml', { baseUrl: base, read, emit, resolveUrl }),
      ),
    ).resolves.toBe('spec');
    expect(resolveUrl).toHaveBeenCalledWith('./openapi/api.yaml', base);
    expect(read).toHaveBeenCalledWith(resolved);
    expect(emit).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'refresh', key: `url:${resolved}` }),
    );
  });

  it('does not let a URL placeholder leave the entity repository', async () => {
    await expect(
      textPlaceholderResolver(
        params('https://github.com/other/repo/blob/main/x.yaml', {
          baseUrl:
            'https://github.com/gogidix/listings/blob/main/catalog-info.yaml',
          resolveUrl: (url: string) => url,
        }),
      ),
    ).rejects.toThrow(/not in the same repository/);
  });

  it.each([
    ['/work/demo/catalog-info.yaml', true],
    ['demo/catalog-info.yaml', true],
    ['https://git.gogidix.dev/a/b/catalog-info.yaml', false],
    ['file:///work/demo/catalog-info.yaml', false],
  ])('treats %s as local: %s', (base, local) => {
    expect(isLocalPath(base)).toBe(local);
  });
});
