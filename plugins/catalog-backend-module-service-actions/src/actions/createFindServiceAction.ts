import { AuditorService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  Entity,
  parseEntityRef,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_PROVIDES_API,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityOwnerTeamRef } from '@gogidix/portal-common';
import { auditedAction } from '@gogidix/portal-node';

/** How many near matches an unknown name answers with. */
const CANDIDATES = 10;

const targetsOf = (entity: Entity, type: string) =>
  (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef)
    .sort();

/** A name or ref as a component ref: `listings-service` is a component. */
function componentRef(service: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(service.trim(), {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    );
  } catch (error) {
    throw new InputError(
      `service: ${
        (error as Error).message
      }; give a name such as listings-service or a ref such as component:default/listings-service`,
    );
  }
}

/**
 * `catalog:find-service`: a service, its owner, what it depends on, what
 * depends on it, and its APIs, read from the catalog with the caller's own
 * credentials (so the catalog's permission rules apply). An unknown name
 * answers with the near matches the caller may see.
 */
export function createFindServiceAction(deps: {
  actionsRegistry: ActionsRegistryService;
  catalog: CatalogService;
  auditor: AuditorService;
}) {
  const { actionsRegistry, catalog, auditor } = deps;
  actionsRegistry.register({
    name: 'find-service',
    title: 'Find a service',
    description:
      'Finds a service (catalog component) by name or entity ref and returns its owner team, system, lifecycle, the components and resources it depends on, those that depend on it, and the APIs it provides and consumes. When no service has that exact name, returns up to 10 services whose name or title contains the text.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          service: z
            .string()
            .min(1)
            .describe(
              'The service name (listings-service) or entity ref (component:default/listings-service)',
            ),
        }),
      output: z =>
        z.object({
          summary: z.string().describe('One paragraph for the person'),
          service: z
            .object({
              entityRef: z.string(),
              title: z.string().optional(),
              description: z.string().optional(),
              type: z.string().optional(),
              lifecycle: z.string().optional(),
              owner: z.string().nullable().describe('The owner team ref'),
              system: z.string().optional(),
              dependsOn: z.array(z.string()),
              dependencyOf: z.array(z.string()),
              providesApis: z.array(z.string()),
              consumesApis: z.array(z.string()),
            })
            .nullable(),
          candidates: z
            .array(z.string())
            .describe('Near matches when the service was not found'),
        }),
    },
    examples: [
      {
        title: 'Who owns the listings service and what it depends on',
        input: { service: 'listings-service' },
      },
    ],
    action: async ({ input, credentials }) => {
      const entityRef = componentRef(input.service);
      return auditedAction(
        auditor,
        { action: 'find-service', credentials, target: entityRef },
        async () => {
          const entity = await catalog.getEntityByRef(entityRef, {
            credentials,
          });
          if (!entity) {
            const candidates = await nearMatches(input.service);
            if (candidates.length === 0) {
              throw new NotFoundError(
                `No service ${entityRef} in the catalog, and none whose name contains "${input.service}"`,
              );
            }
            return {
              output: {
                summary: `No service ${entityRef}; did you mean ${candidates.join(
                  ', ',
                )}?`,
                service: null,
                candidates,
              },
            };
          }
          const service = {
            entityRef: stringifyEntityRef(entity),
            title: entity.metadata.title,
            description: entity.metadata.description,
            type: stringField(entity, 'type'),
            lifecycle: stringField(entity, 'lifecycle'),
            owner: entityOwnerTeamRef(entity) ?? null,
            system: stringField(entity, 'system'),
            dependsOn: targetsOf(entity, RELATION_DEPENDS_ON),
            dependencyOf: targetsOf(entity, RELATION_DEPENDENCY_OF),
            providesApis: targetsOf(entity, RELATION_PROVIDES_API),
            consumesApis: targetsOf(entity, RELATION_CONSUMES_API),
          };
          return {
            output: { summary: summaryOf(service), service, candidates: [] },
          };
        },
      );

      async function nearMatches(text: string): Promise<string[]> {
        const { items } = await catalog.queryEntities(
          {
            filter: { kind: 'component' },
            fullTextFilter: {
              term: text.trim(),
              fields: ['metadata.name', 'metadata.title'],
            },
            fields: ['kind', 'metadata.namespace', 'metadata.name'],
            limit: CANDIDATES,
          },
          { credentials },
        );
        return items.map(e => stringifyEntityRef(e));
      }
    },
  });
}

function stringField(entity: Entity, field: string): string | undefined {
  const value = (entity.spec as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : undefined;
}

function summaryOf(s: {
  entityRef: string;
  owner: string | null;
  system?: string;
  dependsOn: string[];
  dependencyOf: string[];
  providesApis: string[];
  consumesApis: string[];
}): string {
  const list = (refs: string[]) => (refs.length ? refs.join(', ') : 'nothing');
  return [
    `${s.entityRef} is owned by ${
      s.owner ?? 'no team (spec.owner is not set)'
    }${s.system ? `, part of ${s.system}` : ''}.`,
    `It depends on ${list(s.dependsOn)}; ${
      s.dependencyOf.length
        ? `${s.dependencyOf.join(', ')} depend on it`
        : 'nothing depends on it'
    }.`,
    `It provides ${list(s.providesApis)} and consumes ${list(s.consumesApis)}.`,
  ].join(' ');
}
