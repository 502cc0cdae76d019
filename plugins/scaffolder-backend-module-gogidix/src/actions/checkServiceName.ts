import { ownerTeamRef } from '@gogidix/portal-common';
import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { serviceOwnerAssignPermission } from '../permissions';
import { examples } from './checkServiceName.examples';

/**
 * What stops `credentials` from creating service `name` for `owner` in
 * `system`: a name taken in the catalog, an owner that is missing or not a
 * team of theirs, a missing system. Empty when nothing does.
 */
export async function serviceNameProblems(options: {
  catalog: CatalogService;
  permissions: PermissionsService;
  credentials: BackstageCredentials;
  name: string;
  owner: string;
  system?: string;
}): Promise<string[]> {
  const { catalog, permissions, credentials } = options;
  const exists = async (ref: string) =>
    Boolean(await catalog.getEntityByRef(ref, { credentials }));

  const problems: string[] = [];
  for (const kind of ['component', 'api']) {
    const suffix = kind === 'api' ? '-api' : '';
    const ref = `${kind}:default/${options.name}${suffix}`;
    if (await exists(ref)) {
      problems.push(
        `name: ${ref} is already in the catalog; choose another name`,
      );
    }
  }
  const owner = ownerTeamRef(options.owner);
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
  if (options.system) {
    const system = stringifyEntityRef(
      parseEntityRef(options.system, { defaultKind: 'system' }),
    );
    if (!(await exists(system))) {
      problems.push(`system: ${system} is not in the catalog`);
    }
  }
  return problems;
}

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
      const problems = await serviceNameProblems({
        catalog,
        permissions,
        credentials: await ctx.getInitiatorCredentials(),
        ...ctx.input,
      });
      if (problems.length > 0) {
        throw new InputError(problems.join('; '));
      }
      const owner = ownerTeamRef(ctx.input.owner);
      ctx.logger.info(
        `${ctx.input.name} is free; ${owner} exists and may own it`,
      );
    },
  });
}
