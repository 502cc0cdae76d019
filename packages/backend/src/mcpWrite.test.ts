import { mockCredentials } from '@backstage/backend-test-utils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { AuditEvent } from '@gogidix/plugin-audit-common';
import { eventually } from '@gogidix/test-kit';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { repoRoot } from './__testUtils__/appConfig';
import {
  goldenPathConfig,
  PortalTestBackend,
  startPortalTestBackend,
} from './__testUtils__/portalTestBackend';
import { portalBackendFeatures } from './features';

jest.setTimeout(240_000);

const jane = 'user:default/jane.doe';
const templateRef = 'template:default/typescript-service';

/** An assistant's MCP session, signed in with the person's token. */
async function connect(baseUrl: string, user: string) {
  const client = new Client({ name: 'mcp-write-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${baseUrl}/api/mcp-actions/v1`),
      {
        requestInit: {
          headers: { Authorization: mockCredentials.user.header(user) },
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
    // The MCP server may already be among the portal's features.
    const mcpInstalled = portalBackendFeatures({ NODE_ENV: 'test' }).includes(
      mcpActionsPlugin,
    );
    backend = await startPortalTestBackend({
      config: {
        ...goldenPathConfig(gitRoot),
        backend: { actions: { pluginSources: ['scaffolder', 'compliance'] } },
      },
      features: mcpInstalled ? [] : [mcpActionsPlugin],
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

    const client = await connect(backend.baseUrl, jane);
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
