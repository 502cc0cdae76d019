import {
  AuthService,
  BackstageCredentials,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { LocalGitRepositories } from '../localGit/LocalGitRepositories';
import { examples } from './publishLocal.examples';
import { registerWithPortal } from './registerCatalog';

/** Polls the catalog until the new entity can be read, up to a bound. */
async function waitForEntity(
  catalog: CatalogService,
  entityRef: string,
  credentials: BackstageCredentials,
  timeoutMs = 60_000,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await catalog.getEntityByRef(entityRef, { credentials })) {
      return true;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  return false;
}

/**
 * `gogidix:repo:publish` publishes the workspace as a new git repository on
 * this machine and registers its catalog-info.yaml, as one step: if the
 * catalog cannot take the entities, the repository is removed again, so a
 * failed run leaves neither a repository nor a catalog entry behind. If the
 * process dies in between, `sweepUnfinishedPublishes` clears up once the
 * task has ended.
 */
export function createPublishLocalAction(options: {
  repositories: LocalGitRepositories;
  catalog: CatalogService;
  auth: AuthService;
}) {
  const { repositories, catalog, auth } = options;
  return createTemplateAction({
    id: 'gogidix:repo:publish',
    description:
      'Publishes the workspace to a new git repository on this machine and registers it in the catalog; undone if registration fails.',
    examples,
    schema: {
      input: {
        owner: z =>
          z.string().describe('Folder of the repository, usually the team'),
        name: z => z.string().describe('Repository name'),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe('Folder of the workspace to publish (default: all)'),
        message: z =>
          z.string().optional().describe('Message of the first commit'),
      },
      output: {
        remoteUrl: z => z.string(),
        repoContentsUrl: z => z.string(),
        catalogInfoUrl: z => z.string(),
        commitHash: z => z.string(),
        entityRef: z => z.string(),
      },
    },
    async handler(ctx) {
      const { owner, name } = ctx.input;
      const sourceDir = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.sourcePath ?? '.',
      );
      const user = ctx.user?.entity;
      const author = {
        name: user?.spec?.profile?.displayName ?? 'Gogidix portal',
        email: user?.spec?.profile?.email ?? 'portal@gogidix.io',
      };
      const published = await repositories.publish({
        owner,
        name,
        sourceDir,
        author,
        message:
          ctx.input.message ??
          `Create ${name} from the Gogidix portal template`,
        taskId: ctx.task.id,
      });
      ctx.logger.info(
        `Published ${owner}/${name} at ${published.commitHash.slice(0, 8)}`,
      );

      let entityRef: string;
      try {
        entityRef = await registerWithPortal({
          catalog,
          auth,
          catalogInfoUrl: published.catalogInfoUrl,
        });
        await repositories.markRegistered(owner, name);
      } catch (error) {
        await repositories.remove(owner, name);
        ctx.logger.error(
          `Registration failed; removed the repository ${owner}/${name} again`,
        );
        throw error;
      }
      ctx.logger.info(`Registered ${entityRef} in the catalog`);
      // The link the run ends with should open a page, not "not found".
      const credentials = await ctx.getInitiatorCredentials();
      if (await waitForEntity(catalog, entityRef, credentials)) {
        ctx.logger.info(`${entityRef} is processed and ready to open`);
      } else {
        ctx.logger.warn(
          `${entityRef} is registered but still being processed; its page appears shortly`,
        );
      }
      ctx.output('remoteUrl', published.remoteUrl);
      ctx.output('repoContentsUrl', published.repoContentsUrl);
      ctx.output('catalogInfoUrl', published.catalogInfoUrl);
      ctx.output('commitHash', published.commitHash);
      ctx.output('entityRef', entityRef);
    },
  });
}
