import { AuditEvent } from '@gogidix/plugin-audit-common';
// The on-call plugin's test helper starts the real Alertmanager; test code,
// shared rather than copied.
/* eslint-disable @backstage/no-forbidden-package-imports */
import {
  RunningAlertmanager,
  startAlertmanager,
} from '@gogidix/plugin-oncall-backend/src/__testUtils__/alertmanager';
/* eslint-enable @backstage/no-forbidden-package-imports */
import { eventually } from '@gogidix/test-kit';
import request from 'supertest';
import { appCatalogConfig, readAppConfig } from '../__testUtils__/appConfig';
import { connectMcp, MCP_PATH } from '../__testUtils__/mcpClient';
import { catalogProblems } from '../__testUtils__/catalogProblems';
import { startPortalTestBackend } from '../__testUtils__/portalTestBackend';
import { firstRounds } from '../__testUtils__/scheduledRounds';
import {
  signInAs,
  testUserSignIn,
  testUserSignInConfig,
} from '../__testUtils__/testUserSignIn';
import { ROLE_USERS, RoleName } from '../routeMatrix/matrix';
import {
  ACTION_MATRIX,
  ActionAnswer,
  ActionCase,
  WRITE_TOOLS,
} from './actionMatrix';

// The whole backend with the demo catalog, as the route matrix starts it.
jest.setTimeout(400_000);

const ROLES: RoleName[] = ['developer', 'onCall', 'manager', 'platformAdmin'];
/** A service's own token (backend.auth.externalAccess), never a person's. */
const SERVICE_TOKEN = 'mcp-test-service-token';

const answerFor = (row: ActionCase, role: RoleName): ActionAnswer =>
  row.answer instanceof RegExp || typeof row.answer === 'string'
    ? row.answer
    : row.answer[role];

describe('the portal over MCP', () => {
  let server: string;
  let stop: () => Promise<void>;
  let am: RunningAlertmanager;
  const tokens = {} as Record<RoleName, string>;

  beforeAll(async () => {
    am = await startAlertmanager();
    const endsAt = new Date(Date.now() + 3_600_000).toISOString();
    await am.post([
      {
        labels: {
          alertname: 'GatewayErrors',
          service: 'api-gateway',
          severity: 'page',
        },
        annotations: {
          summary: 'The gateway answers 5xx',
          runbook_url:
            'https://git.gogidix.dev/platform/api-gateway/blob/main/docs/runbooks/slo-availability-burn.md',
        },
        endsAt,
      },
      {
        labels: {
          alertname: 'ListingsServiceHighErrorRate',
          service: 'listings-service',
          severity: 'page',
        },
        annotations: { summary: '5xx above 5 %' },
        endsAt,
      },
    ]);
    const base = readAppConfig();
    const backend = await startPortalTestBackend({
      config: {
        auth: {
          ...(base.auth as object),
          providers: testUserSignInConfig,
        },
        backend: {
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token: SERVICE_TOKEN, subject: 'mcp-test-service' },
              },
            ],
          },
        },
        catalog: appCatalogConfig(),
        onCall: { demo: true, alertmanager: { baseUrl: am.baseUrl } },
      },
      features: [testUserSignIn],
    });
    server = backend.baseUrl;
    stop = () => backend.stop();
    tokens.platformAdmin = await signInAs(
      server,
      ROLE_USERS.platformAdmin,
      120_000,
    );
    // The whole catalog, then an SLO evaluation and a compliance round of
    // it, and both alerts in Alertmanager.
    await catalogProblems(server, {
      timeoutMs: 120_000,
      token: tokens.platformAdmin,
    });
    await firstRounds(server, tokens.platformAdmin);
    await eventually(
      async () => {
        const alerts = (await (
          await fetch(`${am.baseUrl}/api/v2/alerts`)
        ).json()) as unknown[];
        return alerts.length === 2 ? true : undefined;
      },
      { what: 'both alerts in Alertmanager', timeoutMs: 60_000 },
    );
    for (const role of ROLES) {
      tokens[role] = await signInAs(server, ROLE_USERS[role]);
    }
  });

  afterAll(async () => {
    await stop?.();
    await am?.stop();
  });

  it('lists one tool per row of the action matrix, all but the write ones read-only', async () => {
    const inMatrix = [...new Set(ACTION_MATRIX.map(r => r.tool))].sort();
    for (const role of ROLES) {
      const client = await connectMcp(server, tokens[role]);
      try {
        const tools = await client.listTools();
        expect({ role, tools: tools.map(t => t.name).sort() }).toEqual({
          role,
          tools: inMatrix,
        });
        const readOnly = tools
          .filter(t => t.annotations?.readOnlyHint)
          .map(t => t.name)
          .sort();
        expect(readOnly).toEqual(
          inMatrix.filter(tool => !WRITE_TOOLS.includes(tool)),
        );
      } finally {
        await client.close();
      }
    }
  });

  it("gives each role the policy's answer from every tool", async () => {
    const wrong: string[] = [];
    for (const role of ROLES) {
      const client = await connectMcp(server, tokens[role]);
      try {
        for (const row of ACTION_MATRIX) {
          const expected = answerFor(row, role);
          const got = await client.call(row.tool, row.args);
          const label = `${role} ${row.tool} ${JSON.stringify(row.args)}`;
          if (expected === 'ok') {
            const problem = got.isError
              ? `refused: ${got.text.slice(0, 200)}`
              : (typeof got.structured?.summary !== 'string' && 'no summary') ||
                row.check?.(got.structured!);
            if (problem) wrong.push(`${label}: ${problem}`);
          } else if (!got.isError || !expected.test(got.text)) {
            wrong.push(
              `${label}: expected ${expected}, got ${
                got.isError ? got.text : 'an answer'
              }`,
            );
          }
        }
      } finally {
        await client.close();
      }
    }
    const cases = ACTION_MATRIX.length * ROLES.length;
    process.stdout.write(
      `Action matrix: ${ACTION_MATRIX.length} rows, ${cases} calls over MCP\n`,
    );
    expect(wrong).toEqual([]);
  });

  it('records each call in the audit trail as the person, refusals included', async () => {
    const jane = ROLE_USERS.developer;
    const client = await connectMcp(server, tokens.developer);
    try {
      await client.call('slo.get-slo-status', { service: 'api-gateway' });
      await client.call('cost.get-cost', { service: 'listings-service' });
    } finally {
      await client.close();
    }
    const stored = (predicate: (e: AuditEvent) => boolean, what: string) =>
      eventually(
        async () => {
          const res = await request(server)
            .get('/api/audit/events?eventId=action&limit=500')
            .auth(tokens.platformAdmin, { type: 'bearer' });
          return (res.body.items as AuditEvent[]).find(
            e => e.outcome !== 'initiated' && predicate(e),
          );
        },
        { what, timeoutMs: 30_000 },
      );
    expect(
      await stored(
        e => e.plugin === 'slo' && e.target === 'component:default/api-gateway',
        "jane's SLO read",
      ),
    ).toMatchObject({
      actor: jane,
      outcome: 'succeeded',
      meta: { action: 'get-slo-status' },
    });
    expect(
      await stored(
        e =>
          e.plugin === 'cost' &&
          e.actor === jane &&
          e.target === 'component:default/listings-service',
        "jane's refused cost read",
      ),
    ).toMatchObject({
      outcome: 'failed',
      error:
        'Not allowed to read the cost of component:default/listings-service',
      meta: { action: 'get-cost' },
    });
  });

  it('refuses callers that are not a person: no token, a service token', async () => {
    const list = { jsonrpc: '2.0', id: 1, method: 'tools/list' };
    const post = (token?: string) => {
      const req = request(server)
        .post(MCP_PATH)
        .set('accept', 'application/json, text/event-stream')
        .send(list);
      return token ? req.auth(token, { type: 'bearer' }) : req;
    };
    expect((await post()).status).toBe(401);
    const asService = await post(SERVICE_TOKEN);
    expect(asService.status).toBe(403);
    // The token itself is good: the catalog lets the service in.
    const catalog = await request(server)
      .get('/api/catalog/entities?limit=1')
      .auth(SERVICE_TOKEN, { type: 'bearer' });
    expect(catalog.status).toBe(200);
    // Past MCP, straight at a plugin's action: refused by the action.
    const invoked = await request(server)
      .post('/api/slo/.backstage/actions/v1/actions/slo:get-slo-status/invoke')
      .auth(SERVICE_TOKEN, { type: 'bearer' })
      .send({ service: 'listings-service' });
    expect(invoked.status).toBe(403);
    expect(invoked.body.error.message).toMatch(
      /run only for a signed-in person/,
    );
    // A person's token passes the same door.
    expect((await post(tokens.developer)).status).toBe(200);
  });
});
