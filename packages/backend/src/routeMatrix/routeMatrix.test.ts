import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { httpRouterServiceFactory } from '@backstage/backend-defaults/httpRouter';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AddressInfo } from 'node:net';
import http, { Server } from 'node:http';
import request from 'supertest';
import { portalBackendFeatures } from '../features';
import { appCatalogConfig, readAppConfig } from '../__testUtils__/appConfig';
import { catalogProblems } from '../__testUtils__/catalogProblems';
import {
  signInAs,
  testUserSignIn,
  testUserSignInConfig,
} from '../__testUtils__/testUserSignIn';
import {
  Answer,
  ROLE_USERS,
  ROUTE_MATRIX,
  RoleName,
  RouteCase,
} from './routes';

// The whole backend with the demo catalog: starting and settling take a
// while on a busy machine.
jest.setTimeout(400_000);

/** Admins last, so that what they delete is still there for the others. */
const ROLES: RoleName[] = ['developer', 'onCall', 'manager', 'platformAdmin'];

const rows = ROUTE_MATRIX.flatMap(({ plugin, routes }) =>
  routes.map(route => ({ plugin, ...route })),
);

function answerFor(route: RouteCase, role: RoleName): Answer {
  return typeof route.answer === 'object' ? route.answer[role] : route.answer;
}

function matches(
  route: RouteCase,
  answer: Answer,
  status: number,
  text: string,
) {
  if (route.message && !route.message.test(text)) return false;
  return answer === 'served'
    ? status !== 401 && status !== 403
    : answer === status;
}

describe('the route matrix', () => {
  let server: Server;
  let stop: () => Promise<void>;
  let idp: Server;
  const tokens = {} as Record<RoleName, string>;
  const uids = new Map<string, string>();

  beforeAll(async () => {
    idp = await startOidcDiscoveryStandIn();
    const issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
    const base = readAppConfig();
    const backend = await startTestBackend({
      features: [
        ...portalBackendFeatures({ NODE_ENV: 'test' }),
        testUserSignIn,
        mockServices.rootConfig.factory({
          data: {
            ...base,
            backend: {
              baseUrl: 'http://localhost:7007',
              database: { client: 'better-sqlite3', connection: ':memory:' },
            },
            auth: {
              ...(base.auth as object),
              providers: {
                ...testUserSignInConfig,
                oidc: {
                  development: {
                    metadataUrl: `${issuer}/.well-known/openid-configuration`,
                    clientId: 'portal',
                    clientSecret: 'matrix',
                  },
                },
              },
            },
            catalog: appCatalogConfig(),
          },
        }),
        // The real services where the test doubles would answer for the
        // policy: authentication, the token's claims, route protection;
        // and the scheduler, so the SLO plugin evaluates the demo SLOs.
        authServiceFactory,
        httpAuthServiceFactory,
        httpRouterServiceFactory,
        userInfoServiceFactory,
        schedulerServiceFactory,
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
    // Users can sign in once the catalog has them.
    tokens.platformAdmin = await signInAs(
      server,
      ROLE_USERS.platformAdmin,
      120_000,
    );
    await catalogProblems(server, {
      timeoutMs: 120_000,
      token: tokens.platformAdmin,
    });
    await sloSnapshots(server, tokens.platformAdmin, 180_000);
    await complianceRound(server, tokens.platformAdmin, 180_000);
    for (const role of ROLES) {
      tokens[role] = await signInAs(server, ROLE_USERS[role]);
    }
    for (const { path } of rows) {
      for (const [, ref] of path.matchAll(/\{uid:([^}]+)\}/g)) {
        const [kind, rest] = ref.split(':');
        const res = await request(server)
          .get(`/api/catalog/entities/by-name/${kind}/${rest}`)
          .auth(tokens.platformAdmin, { type: 'bearer' });
        uids.set(ref, res.body.metadata.uid);
      }
    }
  });

  afterAll(async () => {
    await stop?.();
    idp?.close();
  });

  const resolve = (path: string) =>
    path.replace(/\{uid:([^}]+)\}/g, (_, ref) => uids.get(ref)!);

  async function call(route: RouteCase, token?: string) {
    const req = request(server)[route.method](resolve(route.path));
    if (token) req.auth(token, { type: 'bearer' });
    if (route.headers) req.set(route.headers);
    return route.body ? req.send(route.body) : req;
  }

  it('refuses every route but the listed public ones without credentials', async () => {
    const wrong: string[] = [];
    for (const route of rows) {
      const { status, text } = await call(route);
      const ok = route.public
        ? matches(route, answerFor(route, 'developer'), status, text)
        : status === 401;
      if (!ok) {
        wrong.push(
          `${route.method.toUpperCase()} ${route.path}: ${status}, expected ${
            route.public ? 'an answer' : 401
          }`,
        );
      }
    }
    expect(wrong).toEqual([]);
  });

  it("gives each role the policy's answer on every route", async () => {
    const wrong: string[] = [];
    for (const route of rows) {
      for (const role of ROLES) {
        const answer = answerFor(route, role);
        const { status, text } = await call(route, tokens[role]);
        if (!matches(route, answer, status, text)) {
          wrong.push(
            `${role} ${route.method.toUpperCase()} ${
              route.path
            }: ${status}, expected ${answer} (${text.slice(0, 120)})`,
          );
        }
      }
    }
    // Printed so the report can quote the size of the matrix.
    const cases = rows.length * (ROLES.length + 1);
    process.stdout.write(
      `Route matrix: ${rows.length} routes of ${ROUTE_MATRIX.length} plugins, ${cases} cases\n`,
    );
    expect(wrong).toEqual([]);
  });

  it('shows each role the teams the policy lets it see on the org pages', async () => {
    const teams = async (role: RoleName) => {
      const [slo, cost] = await Promise.all([
        request(server)
          .get('/api/slo/summary')
          .auth(tokens[role], { type: 'bearer' }),
        request(server)
          .get('/api/cost/overview')
          .auth(tokens[role], { type: 'bearer' }),
      ]);
      return {
        slo: slo.body.byTeam.map((t: { name: string }) => t.name).sort(),
        cost: cost.body.teams.map((t: { team: string }) => t.team).sort(),
      };
    };
    expect(await teams('developer')).toEqual({
      slo: ['group:default/platform'],
      cost: ['group:default/platform'],
    });
    const all = await teams('platformAdmin');
    expect(all.slo.length).toBeGreaterThanOrEqual(6);
    expect(await teams('manager')).toEqual({
      slo: all.slo,
      cost: all.cost.filter((t: string) => t !== 'unallocated'),
    });
    expect((await teams('onCall')).slo).toEqual(all.slo);
  });
});

/**
 * The OIDC provider's discovery document (OpenID Connect Discovery 1.0),
 * enough for the portal's OIDC sign-in routes to start a sign-in.
 */
async function startOidcDiscoveryStandIn(): Promise<Server> {
  const idp = http.createServer((req, res) => {
    const issuer = `http://${req.headers.host}`;
    if (req.url === '/.well-known/openid-configuration') {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${issuer}/auth`,
          token_endpoint: `${issuer}/token`,
          userinfo_endpoint: `${issuer}/me`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>(resolve => idp.listen(0, '127.0.0.1', resolve));
  return idp;
}

/** Waits for the SLO plugin's first evaluation round of the demo catalog. */
async function sloSnapshots(server: Server, token: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await request(server)
      .get('/api/slo/summary')
      .auth(token, { type: 'bearer' });
    if (res.body.slos?.length > 0) return;
    if (Date.now() > deadline) {
      throw new Error(`No SLO was evaluated within ${timeoutMs} ms`);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

/** The first compliance round, so that team and entity answers are settled. */
async function complianceRound(
  server: Server,
  token: string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await request(server)
      .get('/api/compliance/summary')
      .auth(token, { type: 'bearer' });
    if (res.body.evaluatedAt) return;
    if (Date.now() > deadline) {
      throw new Error(`No compliance round ran within ${timeoutMs} ms`);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}
