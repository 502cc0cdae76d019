import {
  AuditorService,
  AuditorServiceCreateEventOptions,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { actorRef } from './actorRef';

/**
 * The person an action runs for. Actions are for people through their
 * assistants, with the person's own token: a service identity or an
 * anonymous caller is refused, so that no assistant acts with more than
 * the person it works for.
 */
export function personOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
  };
  if (principal.type !== 'user' || !principal.userEntityRef) {
    throw new NotAllowedError(
      'Portal actions run only for a signed-in person, with their own Backstage token; service and anonymous callers are refused',
    );
  }
  return principal.userEntityRef;
}

/**
 * Runs one action as an audit event: who (the person), which action, on
 * what, and how it ended. Refusals are recorded too, a caller that is not
 * a person included. `medium` is the least severity the trail stores.
 */
export async function auditedAction<T>(
  auditor: AuditorService,
  options: {
    action: string;
    credentials: BackstageCredentials;
    target: string;
    meta?: AuditorServiceCreateEventOptions['meta'];
  },
  run: (person: string) => Promise<T>,
): Promise<T> {
  const { action, credentials, target, meta } = options;
  const event = await auditor.createEvent({
    eventId: 'action',
    severityLevel: 'medium',
    meta: { ...meta, action, actor: actorRef(credentials), target },
  });
  try {
    const result = await run(personOf(credentials));
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
