import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import path from 'node:path';
import { LocalGitRepositories } from './LocalGitRepositories';

/**
 * Reads `gogidix.localGit`; a relative root is resolved against the working
 * directory, like the embedded SQLite folder.
 */
export function readLocalGitConfig(
  config: Config,
  logger?: LoggerService,
): LocalGitRepositories | undefined {
  const section = config.getOptionalConfig('gogidix.localGit');
  if (!section) {
    return undefined;
  }
  return new LocalGitRepositories(
    path.resolve(section.getString('root')),
    section.getString('baseUrl'),
    logger,
  );
}
