import { InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { examples } from './checkServiceName.examples';

/**
 * `gogidix:catalog:check` runs first: the name must be free and the owner and
 * system must exist. The form checks the same, but a task can also be started
 * through the API, and two people can pick the same name at once.
 */
export function createCheckServiceNameAction(options: {
  catalog: CatalogService;
}) {
  const { catalog } = options;
  return createTemplateAction({
    id: 'gogidix:catalog:check',
    description:
      'Fails unless the service name is free in the catalog and its owner and system exist.',
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
      const owner = stringifyEntityRef(
        parseEntityRef(ctx.input.owner, { defaultKind: 'group' }),
      );
      if (!(await exists(owner))) {
        problems.push(`owner: ${owner} is not in the catalog; pick a team`);
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
      ctx.logger.info(`${ctx.input.name} is free; ${owner} exists`);
    },
  });
}
