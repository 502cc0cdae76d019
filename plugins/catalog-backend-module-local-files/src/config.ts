import { RootConfigService } from '@backstage/backend-plugin-api';
import path from 'node:path';
import { LocalFileFolders } from './placeholders';

/** The part of a glob before its first wildcard, e.g. `demo/` of `demo/*.yaml`. */
function staticPrefix(target: string): string {
  const wildcard = target.search(/[*?[{]/);
  return wildcard === -1 ? target : target.slice(0, wildcard);
}

/**
 * The folders placeholders may read on disk: those of the `file` locations in
 * `catalog.locations` (resolved against the working directory, as the catalog
 * resolves them) and `catalog.localFiles.sharedFolders`.
 */
export function readLocalFileFolders(
  config: RootConfigService,
): LocalFileFolders {
  const locations = config.getOptionalConfigArray('catalog.locations') ?? [];
  const catalogFolders = locations
    .filter(location => location.getString('type') === 'file')
    .map(location => {
      const target = location.getString('target');
      const prefix = staticPrefix(target);
      return prefix === target
        ? path.dirname(path.resolve(target))
        : path.resolve(prefix.endsWith('/') ? prefix : path.dirname(prefix));
    });
  const sharedFolders = (
    config.getOptionalStringArray('catalog.localFiles.sharedFolders') ?? []
  ).map(folder => path.resolve(folder));
  return { catalogFolders, sharedFolders };
}
