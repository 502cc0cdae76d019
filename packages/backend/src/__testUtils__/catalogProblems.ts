import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Server } from 'node:http';
import request from 'supertest';
import yaml from 'yaml';

/**
 * Waits until the catalog has nothing left to process, then reports every
 * problem a reader of the portal would trip over: entities that failed to
 * process, relations that point at nothing, API definitions that are not
 * OpenAPI 3.0. An empty list means the catalog is whole.
 */
export async function catalogProblems(
  server: Server | string,
  options: { timeoutMs?: number; token?: string } = {},
): Promise<{ entities: Entity[]; problems: string[] }> {
  const { entities, failures } = await settledCatalog(
    server,
    options.timeoutMs ?? 60_000,
    options.token,
  );
  const problems = failures.map(
    item =>
      `${unprocessedName(item)} failed to process: ${item.errors
        .map(e => e.message)
        .join('; ')}`,
  );

  const known = new Set(entities.map(e => stringifyEntityRef(e)));
  for (const entity of entities) {
    const ref = stringifyEntityRef(entity);
    for (const relation of entity.relations ?? []) {
      if (!known.has(relation.targetRef)) {
        problems.push(
          `${ref} has relation ${relation.type} to ${relation.targetRef}, which is not in the catalog`,
        );
      }
    }
    if (entity.kind === 'API') {
      problems.push(...apiDefinitionProblems(ref, entity.spec?.definition));
    }
  }
  return { entities, problems };
}

function apiDefinitionProblems(ref: string, definition: unknown): string[] {
  if (typeof definition !== 'string' || !definition.trim()) {
    return [`${ref} has no API definition text`];
  }
  let spec;
  try {
    spec = yaml.parse(definition);
  } catch (error) {
    return [`${ref} has a definition that is not YAML: ${error}`];
  }
  if (!/^3\.0\.\d+$/.test(String(spec?.openapi))) {
    return [
      `${ref} is not an OpenAPI 3.0 document (openapi: ${spec?.openapi})`,
    ];
  }
  if (!spec.paths || !Object.keys(spec.paths).length) {
    return [`${ref} describes no paths`];
  }
  return [];
}

/** An entity the catalog tried to process, as the unprocessed module reports it. */
type UnprocessedEntity = {
  entity_ref: string | null;
  location_key: string | null;
  unprocessed_entity?: Entity;
  errors: Array<{ message: string }>;
};

function unprocessedName(item: UnprocessedEntity): string {
  const entity = item.unprocessed_entity;
  const name = entity ? `${entity.kind} ${entity.metadata?.name}` : 'an entity';
  return item.entity_ref ?? `${name} in ${item.location_key}`;
}

/**
 * The catalog has settled when the entity count stops changing and every
 * entity still waiting for processing has failed with errors (which it will
 * keep doing). Those failures are returned.
 */
async function settledCatalog(
  server: Server | string,
  timeoutMs: number,
  token?: string,
) {
  const deadline = Date.now() + timeoutMs;
  let previous = -1;
  const get = (path: string) => {
    const req = request(server).get(path);
    return token ? req.auth(token, { type: 'bearer' }) : req;
  };
  for (;;) {
    const [entities, pending, failed] = await Promise.all([
      get('/api/catalog/entities'),
      get('/api/catalog/entities/unprocessed/pending'),
      get('/api/catalog/entities/unprocessed/failed'),
    ]);
    const items: Entity[] = entities.body;
    const unprocessed: UnprocessedEntity[] = [
      ...(pending.body.entities ?? []),
      ...(failed.body.entities ?? []),
    ];
    const failures = unprocessed.filter(e => e.errors?.length);
    const waiting = unprocessed.length - failures.length;
    if (items.length > 0 && items.length === previous && waiting === 0) {
      return { entities: items, failures };
    }
    if (Date.now() > deadline) {
      throw new Error(
        `The catalog did not settle within ${timeoutMs} ms: ${items.length} entities, ${waiting} still waiting`,
      );
    }
    previous = items.length;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

/** Entity names of one kind, for readable assertions. */
export function namesOf(entities: Entity[], kind: string): string[] {
  return entities
    .filter(e => e.kind.toLowerCase() === kind.toLowerCase())
    .map(e => e.metadata.name)
    .sort();
}
