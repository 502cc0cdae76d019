import { AuditorServiceCreateEventOptions } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';

const isUserRef = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith('user:');

/**
 * Who an event is about. Events without a request (the permission policy's
 * denials, the scaffolder's task runs) resolve to the plugin's own service
 * identity; the person they were for is in their meta (`actor`,
 * `createdBy`), and is the one worth naming.
 */
export function personOf(
  actorId: string | undefined,
  meta: JsonObject | undefined,
): string | undefined {
  if (isUserRef(actorId)) return actorId;
  const named = [meta?.actor, meta?.createdBy].find(isUserRef);
  return named ?? actorId;
}

const ENTITY_NAME = /^[a-z0-9A-Z]([a-z0-9A-Z._-]{0,61}[a-z0-9A-Z])?$/;

/**
 * The service a scaffolder task creates, so that the event's target is the
 * new service and its template stays in the meta (`templateRef`) as
 * context. The portal's templates all create `component:default/<name>`
 * from their `name` answer (templates/README.md); the answers are in the
 * request of a task's creation and in the meta of its run.
 */
export function scaffoldedEntityRef(
  plugin: string,
  options: AuditorServiceCreateEventOptions,
): string | undefined {
  if (plugin !== 'scaffolder' || options.eventId !== 'task') return undefined;
  const meta = options.meta as JsonObject | undefined;
  let answers: JsonObject | undefined;
  if (meta?.actionType === 'create') {
    answers = (options.request?.body as { values?: JsonObject } | undefined)
      ?.values;
  } else if (meta?.actionType === 'execution') {
    answers = meta.taskParameters as JsonObject | undefined;
  }
  const name = answers?.name;
  return typeof name === 'string' && ENTITY_NAME.test(name)
    ? `component:default/${name}`
    : undefined;
}
