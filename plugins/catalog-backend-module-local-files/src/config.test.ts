import { mockServices } from '@backstage/backend-test-utils';
import path from 'node:path';
import { readLocalFileFolders } from './config';

describe('readLocalFileFolders', () => {
  it('trusts the folders of file locations and the shared folders, not URLs', () => {
    const folders = readLocalFileFolders(
      mockServices.rootConfig({
        data: {
          catalog: {
            locations: [
              { type: 'file', target: '/portal/demo/all.yaml' },
              { type: 'file', target: '/portal/templates/*/template.yaml' },
              { type: 'file', target: 'relative/catalog-info.yaml' },
              {
                type: 'url',
                target: 'https://github.com/a/b/blob/main/x.yaml',
              },
            ],
            localFiles: { sharedFolders: ['/portal/templates/_shared'] },
          },
        },
      }),
    );
    expect(folders).toEqual({
      catalogFolders: [
        '/portal/demo',
        '/portal/templates',
        path.resolve('relative'),
      ],
      sharedFolders: ['/portal/templates/_shared'],
    });
  });

  it('trusts no folder when no file location is configured', () => {
    expect(readLocalFileFolders(mockServices.rootConfig())).toEqual({
      catalogFolders: [],
      sharedFolders: [],
    });
  });
});
