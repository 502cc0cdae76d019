import { ConfigReader } from '@backstage/config';
import { ConfigSchema, loadConfigSchema } from '@backstage/config-loader';
import { JsonObject } from '@backstage/types';
import { readAppConfig } from '../__testUtils__/appConfig';
import { checkConfig } from './checkConfig';

describe('checkConfig', () => {
  let schema: ConfigSchema;
  beforeAll(async () => {
    schema = await loadConfigSchema({ dependencies: ['backend'] });
  }, 60_000);

  const base = readAppConfig();
  const production: JsonObject = {
    ...base,
    backend: {
      ...(base.backend as JsonObject),
      database: { client: 'pg', connection: { host: 'db' } },
    },
    auth: { environment: 'production', providers: {} },
    // As app-config.production.yaml sets them.
    onCall: { ...(base.onCall as JsonObject), demo: false },
    gogidix: {
      ...(base.gogidix as JsonObject),
      signIn: { providers: ['oidc'] },
    },
  };

  const check =
    (data: JsonObject, env: NodeJS.ProcessEnv = {}) =>
    () =>
      checkConfig(new ConfigReader(data), schema, env);

  it('accepts the committed app-config.yaml', () => {
    expect(check(base, { NODE_ENV: 'development' })).not.toThrow();
  });

  it.each([
    [
      'an unknown sign-in method',
      { gogidix: { signIn: { providers: ['okta'] } } },
      /gogidix\.signIn\.providers\.0: must be equal to one of the allowed values/,
    ],
    [
      'role groups that are not a list',
      {
        gogidix: {
          ...(base.gogidix as JsonObject),
          roles: {
            platformAdmins: 'group:default/platform-admins',
            onCall: [],
          },
        },
      },
      /gogidix\.roles\.platformAdmins: must be array/,
    ],
    [
      'a title that is not text',
      { app: { ...(base.app as JsonObject), title: ['Gogidix'] } },
      /app\.title: must be string/,
    ],
    [
      'a catalog location without a target',
      { catalog: { locations: [{ type: 'file' }] } },
      /catalog\.locations\.0: must have required property 'target'/,
    ],
  ])('names the key of %s', (_, override, message) => {
    expect(check({ ...base, ...override })).toThrow(message);
  });

  it('accepts a production configuration on PostgreSQL', () => {
    expect(check(production, { NODE_ENV: 'production' })).not.toThrow();
  });

  it.each([
    [
      'guest sign-in',
      {
        auth: {
          environment: 'production',
          providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
        },
      },
      /auth\.providers\.guest\.dangerouslyAllowOutsideDevelopment: guest sign-in is refused in production/,
    ],
    [
      'a sign-in page offering guest',
      {
        gogidix: {
          ...(base.gogidix as JsonObject),
          signIn: { providers: ['oidc', 'guest'] },
        },
      },
      /gogidix\.signIn\.providers: guest sign-in is refused in production/,
    ],
    [
      'SQLite',
      {
        backend: {
          ...(base.backend as JsonObject),
          database: { client: 'better-sqlite3', connection: ':memory:' },
        },
      },
      /backend\.database\.client: production runs on PostgreSQL/,
    ],
    [
      'unauthenticated backend routes',
      {
        backend: {
          ...(production.backend as JsonObject),
          auth: { dangerouslyDisableDefaultAuthPolicy: true },
        },
      },
      /backend\.auth\.dangerouslyDisableDefaultAuthPolicy/,
    ],
    [
      'demo on-call sources',
      { onCall: { demo: true } },
      /onCall\.demo: demo on-call schedules.*refused in production/,
    ],
  ])('refuses to start production with %s', (_, override, message) => {
    expect(
      check({ ...production, ...override }, { NODE_ENV: 'production' }),
    ).toThrow(message);
  });
});
