import { Config } from '@backstage/config';
import { ConfigSchema } from '@backstage/config-loader';

/** Thrown when configuration would start a broken or unsafe portal. */
export class PortalConfigError extends Error {
  name = 'PortalConfigError';
}

/**
 * Validates the merged configuration against the schema and against rules
 * that keep a production portal safe. Throws with every problem found, each
 * naming its key.
 */
export function checkConfig(
  config: Config,
  schema: ConfigSchema,
  env: NodeJS.ProcessEnv,
): void {
  const problems: string[] = [];

  try {
    schema.process([{ data: config.get(), context: 'app-config' }], {
      withFilteredKeys: false,
    });
  } catch (error) {
    problems.push(...schemaProblems(error as Error));
  }

  if (env.NODE_ENV === 'production') {
    problems.push(...productionProblems(config));
  }

  if (problems.length) {
    throw new PortalConfigError(
      `The portal's configuration is invalid:\n${problems
        .map(p => `  - ${p}`)
        .join(
          '\n',
        )}\nFix these in app-config*.yaml or the APP_CONFIG_* environment variables.`,
    );
  }
}

// The schema reports "Config validation failed, Config must be number
// { type=number } at /backend/listen/port" and similar, one per line.
function schemaProblems(error: Error): string[] {
  return error.message
    .split('\n')
    .map(line => line.replace(/^Config validation failed,?\s*/, '').trim())
    .filter(Boolean)
    .map(line => {
      const match = line.match(/^Config (.*) at \/(\S*)$/);
      if (!match) {
        return line;
      }
      const key = match[2].replace(/\//g, '.') || '(root)';
      return `${key}: ${match[1]}`;
    });
}

function productionProblems(config: Config): string[] {
  const problems: string[] = [];
  if (
    config.getOptionalBoolean(
      'auth.providers.guest.dangerouslyAllowOutsideDevelopment',
    )
  ) {
    problems.push(
      'auth.providers.guest.dangerouslyAllowOutsideDevelopment: guest sign-in is refused in production; sign in through OIDC',
    );
  }
  if (
    config.getOptionalStringArray('gogidix.signIn.providers')?.includes('guest')
  ) {
    problems.push(
      'gogidix.signIn.providers: guest sign-in is refused in production; offer oidc only',
    );
  }
  if (
    config.getOptionalBoolean(
      'backend.auth.dangerouslyDisableDefaultAuthPolicy',
    )
  ) {
    problems.push(
      'backend.auth.dangerouslyDisableDefaultAuthPolicy: every backend route must authenticate in production',
    );
  }
  if (config.getOptionalBoolean('onCall.demo')) {
    problems.push(
      'onCall.demo: demo on-call schedules, incidents, dashboards and secret names are refused in production; remove it and configure onCall.pagerDuty, onCall.grafana and onCall.vault',
    );
  }
  const client = config.getOptionalString('backend.database.client');
  if (client !== 'pg') {
    problems.push(
      `backend.database.client: production runs on PostgreSQL ('pg'), not '${client}'`,
    );
  }
  return problems;
}
