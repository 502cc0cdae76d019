import { sendJson, StandIn, startStandIn } from '@gogidix/test-kit';
import request from 'supertest';
import { appCatalogConfig, readAppConfig } from '../__testUtils__/appConfig';
import { catalogProblems } from '../__testUtils__/catalogProblems';
import { startPortalTestBackend } from '../__testUtils__/portalTestBackend';
import { firstRounds } from '../__testUtils__/scheduledRounds';
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

/**
 * A pipeline's static external-access token, restricted as
 * plugins/slo-backend/README.md advises: the deploy gate and nothing else.
 */
const CI_TOKEN = 'route-matrix-ci-pipelines';

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
  let server: string;
  let stop: () => Promise<void>;
  let idp: StandIn;
  const tokens = {} as Record<RoleName, string>;
  const uids = new Map<string, string>();

  beforeAll(async () => {
    idp = await startOidcDiscoveryStandIn();
    const base = readAppConfig();
    const backend = await startPortalTestBackend({
      config: {
        auth: {
          ...(base.auth as object),
          providers: {
            ...testUserSignInConfig,
            oidc: {
              development: {
                metadataUrl: `${idp.baseUrl}/.well-known/openid-configuration`,
                clientId: 'portal',
                clientSecret: 'matrix',
              },
            },
          },
        },
        catalog: appCatalogConfig(),
        backend: {
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token: CI_TOKEN, subject: 'ci-pipelines' },
                accessRestrictions: [
                  { plugin: 'slo', permission: ['slo.deployGate.evaluate'] },
                ],
              },
            ],
          },
        },
      },
      // Real services throughout: authentication, the token's claims, the
      // policy, and the scheduler that runs the SLO evaluation rounds.
      features: [testUserSignIn],
    });
    server = backend.baseUrl;
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
    await firstRounds(server, tokens.platformAdmin);
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
    await idp?.stop();
  });

  const resolve = (path: string) =>
    path.replace(/\{uid:([^}]+)\}/g, (_, ref) => uids.get(ref)!);

  async function call(route: RouteCase, token?: string) {
    const req = request(server)[route.method](resolve(route.path));
    if (token) req.auth(token, { type: 'bearer' });
    if (route.headers) req.set(route.headers);
    return route.body ? req.send(route.body) : req;
  }

  it('lets a CI token restricted to the deploy gate ask it, and nothing more', async () => {
    const asCi = (method: 'get' | 'post', path: string, body?: object) => {
      const req = request(server)
        [method](path)
        .auth(CI_TOKEN, { type: 'bearer' });
      return body ? req.send(body) : req;
    };
    const listings = 'component:default/listings-service';
    const gate = await asCi('post', '/api/slo/deploy-gate', {
      entityRef: listings,
      change: { kind: 'feature', sha: 'abc123' },
    });
    expect(gate.status).toBe(200);
    expect(['allow', 'deny']).toContain(gate.body.decision);
    const answers = {
      override: (
        await asCi('post', '/api/slo/deploy-gate/overrides', {
          entityRef: listings,
          reason: 'the pipeline wants out',
          expiresInMinutes: 60,
        })
      ).status,
      status: (
        await asCi(
          'get',
          `/api/slo/entities/component/default/listings-service/status`,
        )
      ).status,
      catalog: (await asCi('get', '/api/catalog/entities?limit=1')).status,
    };
    expect(answers).toEqual({ override: 403, status: 403, catalog: 403 });
  });

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
function startOidcDiscoveryStandIn(): Promise<StandIn> {
  return startStandIn((req, res, url) => {
    const issuer = `http://${req.headers.host}`;
    if (url.pathname === '/.well-known/openid-configuration') {
      sendJson(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/me`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    } else {
      sendJson(res, 404, {});
    }
  });
}
