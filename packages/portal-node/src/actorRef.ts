import { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * Who made a request, as recorded in waivers, report sources and cache keys:
 * the user's entity ref (`user:default/jane`), or `service:<subject>` for a
 * backend plugin or external caller. A request with no credentials is
 * `none`: routes that record an actor do not let such requests in.
 */
export function actorRef(credentials: BackstageCredentials): string {
  const principal = credentials.principal as
    | { type: 'user'; userEntityRef: string }
    | { type: 'service'; subject: string }
    | { type: 'none' };
  switch (principal.type) {
    case 'user':
      return principal.userEntityRef;
    case 'service':
      return `service:${principal.subject}`;
    default:
      return 'none';
  }
}
