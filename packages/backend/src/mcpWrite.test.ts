import { mockCredentials } from '@backstage/backend-test-utils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { AuditEvent } from '@gogidix/plugin-audit-common';
import { eventually, sendJson, startStandIn } from '@gogidix/test-kit';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  appCatalogConfig,
  readAppConfig,
  repoRoot,
} from './__testUtils__/appConfig';
import { catalogProblems } from './__testUtils__/catalogProblems';
import {
  goldenPathConfig,
  PortalTestBackend,
  startPortalTestBackend,
} from './__testUtils__/portalTestBackend';
import { firstRounds } from './__testUtils__/scheduledRounds';
import {
  signInAs,
  testUserSignIn,
  testUserSignInConfig,
} from './__testUtils__/testUserSignIn';
import { portalBackendFeatures } from './features';
import { ROLE_USERS } from './routeMatrix/routes';

jest.setTimeout(240_000);

const jane = 'user:default/jane.doe';
const templateRef = 'template:default/typescript-service';

/** An assistant's MCP session, signed in with the person's token. */
async function connect(baseUrl: string, authorization: string) {
  const client = new Client({ name: 'mcp-write-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${baseUrl}/api/mcp-actions/v1`),
      {
        requestInit: {
          headers: { Authorization: authorization },
        },
      },
    ),
  );
  return client;
}

type ToolResult = {
  isError?: boolean;
  content: Array<{ type: string; text?: string }>;
  structuredContent?: Record<string, any>;
};

const textOf = (result: ToolResult) =>
  result.content.map(c => c.text ?? '').join('\n');

/** The MCP server, unless it is already among the portal's features. */
const mcpServer = () =>
  portalBackendFeatures({ NODE_ENV: 'test' }).includes(mcpActionsPlugin)
    ? []
    : [mcpActionsPlugin];

/**
 * The create-service write action through a real MCP client against the
 * portal backend: refused without a dry run, then dry run and run, the
 * service published to the local git target the golden-path tests use,
 * and every call in the audit trail as the person.
 */
describe('write actions over MCP', () => {
  let backend: PortalTestBackend;
  let gitRoot: string;

  beforeAll(async () => {
    gitRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-write-git-'));
    backend = await startPortalTestBackend({
      config: {
        ...goldenPathConfig(gitRoot),
        backend: { actions: { pluginSources: ['scaffolder', 'compliance'] } },
      },
      features: mcpServer(),
      mockCallers: true,
    });
  });
  afterAll(async () => {
    await backend?.stop();
    fs.rmSync(gitRoot, { recursive: true, force: true });
  });

  it('creates a service only after a dry run, as the person, and audits each call', async () => {
    const api = (url: string) =>
      request(backend.baseUrl)
        .get(url)
        .set('Authorization', mockCredentials.user.header(jane));
    for (const ref of [
      'template/default/typescript-service',
      'group/default/listings',
      'system/default/property-marketplace',
    ]) {
      await eventually(
        async () =>
          (await api(`/api/catalog/entities/by-name/${ref}`)).status === 200
            ? true
            : undefined,
        { what: ref, timeoutMs: 60_000 },
      );
    }
    const values = {
      ...JSON.parse(
        fs.readFileSync(
          path.join(repoRoot, 'templates/_shared/example-answers.json'),
          'utf8',
        ),
      ),
      language: 'typescript',
      nodeVersion: '22',
    };

    const client = await connect(
      backend.baseUrl,
      mockCredentials.user.header(jane),
    );
    try {
      const { tools } = await client.listTools();
      const tool = tools.find(t => t.name === 'scaffolder.create-service');
      expect(tool?.annotations).toMatchObject({
        readOnlyHint: false,
        destructiveHint: false,
      });
      expect(tools.map(t => t.name)).toContain('compliance.request-waiver');
      const call = async (args: Record<string, unknown>) =>
        (await client.callTool({
          name: 'scaffolder.create-service',
          arguments: { templateRef, values, ...args },
        })) as ToolResult;

      const refused = await call({ dryRun: false });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(
        /^InputError: confirm: scaffolder:create-service needs a dry run first/,
      );

      const dry = await call({ dryRun: true });
      expect(textOf(dry)).not.toMatch(/Error/);
      const preview = dry.structuredContent!;
      expect(preview.files.map((f: { path: string }) => f.path)).toContain(
        'catalog-info.yaml',
      );
      const token = preview.confirmation.token;

      const run = await call({
        dryRun: false,
        confirm: token,
        waitSeconds: 50,
      });
      expect(textOf(run)).not.toMatch(/Error/);
      expect(run.structuredContent!.task).toMatchObject({
        status: 'completed',
        taskUrl: expect.stringMatching(/\/create\/tasks\/[\w-]+$/),
      });
      const taskId = run.structuredContent!.task.taskId;

      // Published to the local git target: the service's repository exists.
      expect(fs.readdirSync(gitRoot, { recursive: true }).join('\n')).toMatch(
        new RegExp(values.name),
      );

      // The same confirmation works once.
      const replayed = await call({ dryRun: false, confirm: token });
      expect(textOf(replayed)).toMatch(
        /^InputError: confirm: no such confirmation/,
      );

      const service = `component:default/${values.name}`;
      const events = await eventually(
        async () => {
          const res = await api('/api/audit/events?limit=500');
          const items = (res.body.items ?? []) as AuditEvent[];
          const writes = items.filter(
            e => e.eventId === 'write-action' && e.outcome !== 'initiated',
          );
          const task = items.find(
            e =>
              e.eventId === 'task' &&
              e.meta?.actionType === 'create' &&
              e.outcome === 'succeeded',
          );
          return writes.length >= 4 && task ? { writes, task } : undefined;
        },
        { what: 'the audit events', timeoutMs: 60_000 },
      );
      const byMode = events.writes
        .map(e => [e.meta?.mode, e.outcome, e.actor, e.target, e.severity])
        .sort((a, b) => String(a).localeCompare(String(b)));
      expect(byMode).toEqual(
        [
          ['dry-run', 'succeeded', jane, service, 'medium'],
          ['run', 'failed', jane, service, 'medium'],
          ['run', 'failed', jane, service, 'medium'],
          ['run', 'succeeded', jane, service, 'medium'],
        ].sort((a, b) => String(a).localeCompare(String(b))),
      );
      // The task itself was created by the person, not a service.
      expect(events.task).toMatchObject({
        actor: jane,
        plugin: 'scaffolder',
        target: service,
      });
      expect(
        events.writes.find(
          e => e.meta?.mode === 'run' && e.outcome === 'succeeded',
        )?.meta,
      ).toMatchObject({ taskId, templateRef });
    } finally {
      await client.close();
    }
  });
});

/**
 * request-waiver through MCP with real sign-in and the role policy: the
 * waivers route lets managers waive checks of their subtree and nobody
 * else below platform admin, and so does the action, dry run included.
 */
describe('write actions over MCP under the role policy', () => {
  let backend: PortalTestBackend;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const idp = await startStandIn((req, res, url) => {
      const issuer = `http://${req.headers.host}`;
      sendJson(
        res,
        url.pathname === '/.well-known/openid-configuration' ? 200 : 404,
        {
          issuer,
          authorization_endpoint: `${issuer}/auth`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
        },
      );
    });
    const base = readAppConfig();
    backend = await startPortalTestBackend({
      config: {
        auth: {
          ...(base.auth as object),
          providers: {
            ...testUserSignInConfig,
            oidc: {
              development: {
                metadataUrl: `${idp.baseUrl}/.well-known/openid-configuration`,
                clientId: 'portal',
                clientSecret: 'mcp-write',
              },
            },
          },
        },
        catalog: appCatalogConfig(),
        backend: { actions: { pluginSources: ['scaffolder', 'compliance'] } },
      },
      features: [testUserSignIn, ...mcpServer()],
    });
    const stopBackend = backend.stop;
    backend.stop = async () => {
      await stopBackend();
      await idp.stop();
    };
    for (const role of ['manager', 'developer'] as const) {
      tokens[role] = await signInAs(backend.baseUrl, ROLE_USERS[role], 120_000);
    }
    // A compliance round of the whole catalog evaluates the entity to be
    // waived.
    const admin = await signInAs(
      backend.baseUrl,
      ROLE_USERS.platformAdmin,
      120_000,
    );
    await catalogProblems(backend.baseUrl, {
      timeoutMs: 120_000,
      token: admin,
    });
    await firstRounds(backend.baseUrl, admin);
  });
  afterAll(() => backend?.stop());

  const waiver = {
    entityRef: 'component:default/listings-service',
    checkId: 'tier-declared',
    reason: 'The tier is being agreed with the product owner',
    approver: ROLE_USERS.manager,
    expiresAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
  };

  async function callAs(role: string, args: Record<string, unknown>) {
    const client = await connect(backend.baseUrl, `Bearer ${tokens[role]}`);
    try {
      return (await client.callTool({
        name: 'compliance.request-waiver',
        arguments: { ...waiver, ...args },
      })) as ToolResult;
    } finally {
      await client.close();
    }
  }

  it('refuses a developer already in the dry run', async () => {
    const result = await callAs('developer', { dryRun: true });
    expect(textOf(result)).toBe(
      'NotAllowedError: You may not waive checks of component:default/listings-service',
    );
  });

  it("lets a manager waive a check of their subtree, and refuses the developer the manager's confirmation", async () => {
    const dry = await callAs('manager', { dryRun: true });
    expect(textOf(dry)).not.toMatch(/Error/);
    const token = dry.structuredContent!.confirmation.token;

    const stolen = await callAs('developer', {
      dryRun: false,
      confirm: token,
    });
    expect(textOf(stolen)).toMatch(/^NotAllowedError: /);

    const run = await callAs('manager', { dryRun: false, confirm: token });
    expect(run.structuredContent).toMatchObject({
      dryRun: false,
      waiver: {
        ...waiver,
        createdBy: ROLE_USERS.manager,
        id: expect.any(String),
      },
    });
    const entity = await request(backend.baseUrl)
      .get('/api/compliance/entities/component/default/listings-service')
      .auth(tokens.manager, { type: 'bearer' });
    expect(entity.body.waivers).toContainEqual(
      expect.objectContaining({
        id: run.structuredContent!.waiver.id,
        checkId: waiver.checkId,
        createdBy: ROLE_USERS.manager,
        active: true,
      }),
    );
  });
});
