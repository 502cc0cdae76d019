import { BackstageCredentials } from '@backstage/backend-plugin-api';

/** The user (or service) a request came from, for waivers and report sources. */
export function who(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? `service:${principal.subject}`;
}
