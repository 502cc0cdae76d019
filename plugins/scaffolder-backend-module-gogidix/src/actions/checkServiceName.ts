import { ownerTeamRef } from '@gogidix/portal-common';
import { PermissionsService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { serviceOwnerAssignPermission } from '../permissions';
import { examples } from './checkServiceName.examples';

/**
 * `gogidix:catalog:check` runs first: the name must be free, the owner must
 * exist and be a team the user may create for, and the system must exist.
 * The form offers the same choices, but a task can also be started through
 * the API, and two people can pick the same name at once.
 */
export function createCheckServiceNameAction(options: {
  catalog: CatalogService;
  permissions: PermissionsService;
}) {
  const { catalog, permissions } = options;
  return createTemplateAction({
    id: 'gogidix:catalog:check',
    description:
      'Fails unless the service name is free in the catalog, its owner exists and is a team of the user (any team for platform admins), and its system exists.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z => z.string(),
        owner: z => z.string(),
        system: z => z.string().optional(),
      },
    },
    async handler(ctx) {
      const credentials = await ctx.getInitiatorCredentials();
      const exists = async (ref: string) =>
        Boolean(await catalog.getEntityByRef(ref, { credentials }));

      const problems: string[] = [];
      for (const kind of ['component', 'api']) {
        const suffix = kind === 'api' ? '-api' : '';
        const ref = `${kind}:default/${ctx.input.name}${suffix}`;
        if (await exists(ref)) {
          problems.push(
            `name: ${ref} is already in the catalog; choose another name`,
          );
        }
      }
      const owner = ownerTeamRef(ctx.input.owner);
      if (!(await exists(owner))) {
        problems.push(`owner: ${owner} is not in the catalog; pick a team`);
      } else {
        const [decision] = await permissions.authorize(
          [{ permission: serviceOwnerAssignPermission, resourceRef: owner }],
          { credentials },
        );
        if (decision.result !== AuthorizeResult.ALLOW) {
          problems.push(
            `owner: you are not a member or manager of ${owner}; pick one of your teams, or ask one of its members or a platform admin to create the service`,
          );
        }
      }
      if (ctx.input.system) {
        const system = stringifyEntityRef(
          parseEntityRef(ctx.input.system, { defaultKind: 'system' }),
        );
        if (!(await exists(system))) {
          problems.push(`system: ${system} is not in the catalog`);
        }
      }
      if (problems.length > 0) {
        throw new InputError(problems.join('; '));
      }
      ctx.logger.info(
        `${ctx.input.name} is free; ${owner} exists and may own it`,
      );
    },
  });
}
