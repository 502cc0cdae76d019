import { Page, expect, test } from '@playwright/test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { e2e, portalUrl, signedInState } from '../support/environment';

/**
 * An AI assistant creates a service for a developer over MCP, with the
 * developer's own token (README, "Connecting an AI assistant"): the run is
 * refused until a dry run has been confirmed, the confirmed run publishes
 * the repository and registers the service, and a platform admin finds
 * every call in the audit trail with the developer as actor.
 *
 * Signed in as jane.doe, a developer of the platform team: the owner she
 * may name is her own team.
 */
const developer = `user:default/${e2e.user.login}`;
const templateRef = 'template:default/typescript-service';
// Unique per run: the name must be free in this run's catalog.
const name = `mcp-notes-${Date.now().toString(36).slice(-5)}`;
const service = `component:default/${name}`;

/** The signed-in person's Backstage token, as the app itself gets it. */
async function userToken(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const res = await fetch('/api/auth/oidc/refresh?optional&env=production', {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
      credentials: 'include',
    });
    return (await res.json()).backstageIdentity.token;
  });
}

type ToolResult = {
  isError?: boolean;
  content: Array<{ type: string; text?: string }>;
  structuredContent?: Record<string, any>;
};

const textOf = (result: ToolResult) =>
  result.content.map(c => c.text ?? '').join('\n');

/** The bare repositories of this run's local git target with this name. */
function publishedRepositories(): string[] {
  const root = path.join(e2e.repoRoot, '.data/e2e/git');
  // The target's folder appears with the run's first repository.
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter(entry => path.basename(entry).replace(/\.git$/, '') === name)
    .map(entry => path.join(root, entry));
}

/** The files a developer who clones the repository sees. */
function filesOf(remote: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-mcp-clone-'));
  try {
    execFileSync('git', ['clone', '--quiet', remote, dir], { stdio: 'pipe' });
    return execFileSync('git', ['ls-files'], { cwd: dir, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test.describe.configure({ timeout: 240_000 });

test('an assistant creates a service for a developer only after a dry run, and the admin sees it audited as the developer', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  const token = await userToken(page);
  const headers = { authorization: `Bearer ${token}` };

  // The answers the Create page's form gives, for the developer's team.
  const values = {
    ...JSON.parse(
      fs.readFileSync(
        path.join(e2e.repoRoot, 'templates/_shared/example-answers.json'),
        'utf8',
      ),
    ),
    name,
    description: 'Notes an assistant created for the platform team.',
    owner: 'group:default/platform',
    system: 'system:default/platform-infrastructure',
    registry: 'harbor.gogidix.dev/platform',
    language: 'typescript',
    nodeVersion: '22',
  };

  const client = new Client({ name: 'e2e-assistant', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${portalUrl}/api/mcp-actions/v1`),
      { requestInit: { headers } },
    ),
  );
  let taskId: string;
  try {
    const { tools } = await client.listTools();
    const names = tools.map(t => t.name);
    expect(names).toContain('scaffolder.create-service');
    expect(names).toContain('compliance.request-waiver');
    const call = async (args: Record<string, unknown>) =>
      (await client.callTool({
        name: 'scaffolder.create-service',
        arguments: { templateRef, values, ...args },
      })) as ToolResult;

    // Straight to the run: refused, nothing is created.
    const refused = await call({ dryRun: false });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(
      /^InputError: confirm: scaffolder:create-service needs a dry run first/,
    );
    expect(publishedRepositories()).toEqual([]);

    // The dry run: the template's steps checked, the files listed, a token.
    const dry = await call({ dryRun: true });
    expect(dry.isError, textOf(dry)).toBeFalsy();
    const preview = dry.structuredContent!;
    expect(preview.dryRun).toBe(true);
    const files = preview.files.map((f: { path: string }) => f.path);
    expect(files).toContain('catalog-info.yaml');
    expect(files).toContain('package.json');
    expect(preview.steps.map((s: { id: string }) => s.id)).toContain(
      'validate',
    );
    const confirm = preview.confirmation.token as string;
    expect(confirm).toBeTruthy();
    expect(publishedRepositories()).toEqual([]);

    // The confirmed run, as the developer.
    const run = await call({ dryRun: false, confirm, waitSeconds: 50 });
    expect(run.isError, textOf(run)).toBeFalsy();
    const task = run.structuredContent!.task;
    expect(task.taskUrl).toMatch(/\/create\/tasks\/[\w-]+$/);
    taskId = task.taskId;
  } finally {
    await client.close();
  }

  // The task runs to the end (the call waits 50 s at most; this machine may
  // take longer), as the developer.
  await expect
    .poll(
      async () => {
        const res = await page.request.get(
          `/api/scaffolder/v2/tasks/${taskId}`,
          { headers },
        );
        return (await res.json()).status;
      },
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBe('completed');
  const taskRes = await page.request.get(`/api/scaffolder/v2/tasks/${taskId}`, {
    headers,
  });
  expect((await taskRes.json()).createdBy).toBe(developer);

  // Published to the local git target, and in the catalog as the team's.
  const repositories = publishedRepositories();
  expect(repositories).toHaveLength(1);
  expect(filesOf(repositories[0])).toContain('catalog-info.yaml');
  const entity = await page.request.get(
    `/api/catalog/entities/by-name/component/default/${name}`,
    { headers },
  );
  expect(entity.status(), await entity.text()).toBe(200);
  expect((await entity.json()).spec.owner).toBe('group:default/platform');

  // The platform admin's audit trail: the three calls, each as the developer.
  const admin = await browser.newContext({
    storageState: signedInState('platformAdmin'),
  });
  try {
    const adminPage = await admin.newPage();
    await adminPage.goto('/audit');
    await expect(
      adminPage.getByRole('heading', { name: 'Audit trail' }),
    ).toBeVisible();
    const table = adminPage.getByRole('table', { name: 'Audit events' });
    const rows = table.getByRole('row');
    const show = async (action: string) => {
      await adminPage.getByLabel('Action').fill(action);
      await adminPage.getByLabel('Target contains').fill(name);
      await adminPage.getByRole('button', { name: 'Apply filters' }).click();
    };

    await show('write-action');
    // A header and the refused run, the dry run and the confirmed run.
    await expect(rows).toHaveCount(4);
    for (let i = 1; i < 4; i++) {
      await expect(rows.nth(i)).toContainText(developer);
      await expect(rows.nth(i)).toContainText(service);
      await expect(rows.nth(i)).toContainText('scaffolder');
    }
    const failed = rows.filter({ hasText: 'failed' });
    await expect(failed).toHaveCount(1);
    await expect(failed).toContainText(
      'scaffolder:create-service needs a dry run first',
    );
    await expect(rows.filter({ hasText: 'succeeded' })).toHaveCount(2);
    await adminPage.screenshot({
      path: path.join(e2e.repoRoot, '.data/e2e/results/mcp-audit-writes.png'),
      fullPage: true,
    });

    // The scaffolder's own record of the task: created by the developer.
    await show('task');
    const created = rows.filter({ hasText: 'task (create)' });
    await expect(created).toHaveCount(1);
    await expect(created).toContainText(developer);
    await expect(created).toContainText('succeeded');
    await adminPage.screenshot({
      path: path.join(e2e.repoRoot, '.data/e2e/results/mcp-audit-task.png'),
      fullPage: true,
    });
  } finally {
    await admin.close();
  }
});
