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
  } = createPlaceholderResolvers({
    catalogFolders: [path.join(dir.path, 'repo')],
    sharedFolders: [path.join(dir.path, 'shared')],
  });

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
    ['../secret.txt', /leads outside/],
    [path.join(dir.path, 'secret.txt'), /absolute paths are not allowed/],
    ['./openapi/missing.yaml', /no such file/],
    ['./openapi', /not a readable file/],
    [42, /expects a string/],
  ])('refuses %s with a message that says why', async (ref, message) => {
    const refusal = textPlaceholderResolver(params(ref));
    await expect(refusal).rejects.toThrow(message);
    // Neither what is there nor where the server keeps the catalog file.
    await expect(refusal).rejects.not.toThrow(path.join(dir.path, 'repo'));
    await expect(refusal).rejects.not.toThrow('not for the catalog');
  });

  it.each([
    ['/proc/self/catalog-info.yaml', './environ'],
    ['/etc/catalog-info.yaml', './hostname'],
    ['/etc/catalog-info.yaml', 'hostname'],
  ])(
    'reads nothing for a catalog file at %s, which no file location registers',
    async (base, ref) => {
      const refusal = textPlaceholderResolver(params(ref, { baseUrl: base }));
      await expect(refusal).rejects.toThrow(
        /not from a catalog file the portal registers/,
      );
    },
  );

  it('reads nothing beside a catalog file outside the registered folders', async () => {
    const outside = path.join(dir.path, 'catalog-info.yaml');
    fs.writeFileSync(outside, 'kind: Component');
    await expect(
      textPlaceholderResolver(params('./secret.txt', { baseUrl: outside })),
    ).rejects.toThrow(/not from a catalog file the portal registers/);
  });

  it('does not trust a registered folder reached through a link', async () => {
    fs.symlinkSync('/etc', path.join(dir.path, 'repo/etc'));
    await expect(
      textPlaceholderResolver(
        params('./hostname', {
          baseUrl: path.join(dir.path, 'repo/etc/catalog-info.yaml'),
        }),
      ),
    ).rejects.toThrow(/not from a catalog file the portal registers/);
  });

  it('reads from a configured shared folder, and only from there', async () => {
    await expect(
      yamlPlaceholderResolver(params('../shared/pages.yaml', { key: 'yaml' })),
    ).resolves.toEqual({ title: 'Shared page' });
    await expect(
      createPlaceholderResolvers({
        catalogFolders: [path.join(dir.path, 'repo')],
        sharedFolders: [],
      }).yaml(params('../shared/pages.yaml', { key: 'yaml' })),
    ).rejects.toThrow(/leads outside/);
  });

  it('refuses a symbolic link that leads out of the folder', async () => {
    fs.symlinkSync(
      path.join(dir.path, 'secret.txt'),
      path.join(dir.path, 'repo/link.txt'),
    );
    const refusal = textPlaceholderResolver(params('./link.txt'));
    await expect(refusal).rejects.toThrow(/through a link/);
    await expect(refusal).rejects.not.toThrow(dir.path);
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

  it('says where a file is invalid without quoting it', async () => {
    fs.writeFileSync(
      path.join(dir.path, 'repo/leaky.json'),
      'SECRET_TOKEN=hunter2-abc',
    );
    fs.writeFileSync(
      path.join(dir.path, 'repo/leaky.yaml'),
      'token: hunter2-abc: nested\n',
    );
    const json = jsonPlaceholderResolver(
      params('./leaky.json', { key: 'json' }),
    );
    await expect(json).rejects.toThrow(/invalid JSON in .\/leaky.json/);
    await expect(json).rejects.not.toThrow(/hunter2|SECRET/);
    const yamlRefusal = yamlPlaceholderResolver(
      params('./leaky.yaml', { key: 'yaml' }),
    );
    await expect(yamlRefusal).rejects.toThrow(
      /invalid YAML in .\/leaky.yaml at line 1/,
    );
    await expect(yamlRefusal).rejects.not.toThrow(/hunter2/);
  });

  it("resolves the demo organisation's OpenAPI definitions", async () => {
    const demo = path.resolve(__dirname, '../../../demo');
    const { text } = createPlaceholderResolvers({
      catalogFolders: [demo],
      sharedFolders: [],
    });
    await expect(
      text(
        params('./openapi/listings-api-v1.yaml', {
          baseUrl: path.join(
            demo,
            'services/listings-service/catalog-info.yaml',
          ),
        }),
      ),
    ).resolves.toMatch(/^openapi: 3/m);
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

  it('names the kind of a failed URL read, not what the reader said', async () => {
    const read = jest.fn().mockRejectedValue(
      Object.assign(new Error('git failed in /srv/portal/.data/git'), {
        name: 'NotFoundError',
      }),
    );
    const refusal = textPlaceholderResolver(
      params('./openapi/api.yaml', {
        baseUrl:
          'https://github.com/gogidix/listings/blob/main/catalog-info.yaml',
        read,
        resolveUrl: (url: string, base: string) => new URL(url, base).href,
      }),
    );
    await expect(refusal).rejects.toThrow(
      /could not be read \(NotFoundError\)/,
    );
    await expect(refusal).rejects.not.toThrow('/srv/portal');
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
