import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { examples } from './registerCatalog.examples';

/** The entity a new repository is about: its Component, else the first one. */
function mainEntity(entities: Entity[]): Entity | undefined {
  return entities.find(e => e.kind === 'Component') ?? entities[0];
}

/**
 * Registers a new service's catalog-info.yaml with the portal's own
 * credentials, after a dry run has read and validated every entity in it.
 *
 * Registering locations is for platform admins (docs/roles.md): a developer
 * may not point the catalog at any URL, but the templates admins publish
 * may register the repository their run has just created.
 */
export async function registerWithPortal(options: {
  catalog: CatalogService;
  auth: AuthService;
  catalogInfoUrl: string;
}): Promise<string> {
  const { catalog, auth, catalogInfoUrl } = options;
  const credentials = await auth.getOwnServiceCredentials();
  const location = { type: 'url', target: catalogInfoUrl };
  const check = await catalog.addLocation(
    { ...location, dryRun: true },
    { credentials },
  );
  const entity = mainEntity(check.entities);
  if (!entity) {
    throw new InputError(`${catalogInfoUrl} holds no catalog entity`);
  }
  await catalog.addLocation(location, { credentials });
  return stringifyEntityRef(entity);
}

/**
 * `gogidix:catalog:register` registers the catalog-info.yaml of a repository
 * the same run published to GitHub or GitLab, in place of Backstage's
 * catalog:register, which registers with the user's credentials.
 */
export function createRegisterCatalogAction(options: {
  catalog: CatalogService;
  auth: AuthService;
  integrations: ScmIntegrationRegistry;
}) {
  const { catalog, auth, integrations } = options;
  return createTemplateAction({
    id: 'gogidix:catalog:register',
    description:
      "Registers a newly published repository's catalog-info.yaml in the catalog, on the portal's behalf.",
    examples,
    schema: {
      input: {
        repoContentsUrl: z =>
          z
            .string()
            .url()
            .describe('Contents URL of the repository, from a publish step'),
        catalogInfoPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Path of the catalog file in the repository (default /catalog-info.yaml)',
            ),
      },
      output: {
        catalogInfoUrl: z => z.string(),
        entityRef: z => z.string(),
      },
    },
    async handler(ctx) {
      const { repoContentsUrl, catalogInfoPath } = ctx.input;
      if (!integrations.byUrl(repoContentsUrl)) {
        throw new InputError(
          `repoContentsUrl: ${repoContentsUrl} is on no integrated host; publish to a host under integrations in app-config.yaml`,
        );
      }
      const catalogInfoUrl = integrations.resolveUrl({
        url: catalogInfoPath ?? '/catalog-info.yaml',
        base: repoContentsUrl,
      });
      const entityRef = await registerWithPortal({
        catalog,
        auth,
        catalogInfoUrl,
      });
      ctx.logger.info(`Registered ${entityRef} from ${catalogInfoUrl}`);
      ctx.output('catalogInfoUrl', catalogInfoUrl);
      ctx.output('entityRef', entityRef);
    },
  });
}
