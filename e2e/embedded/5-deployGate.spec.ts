import { APIRequestContext, expect, test } from '@playwright/test';
import path from 'node:path';
import { readDemoSlos } from '../../packages/demo-observability/src/demoSlos';
import { demoBudgetRemaining } from '../../packages/demo-observability/src/loopConfig';
import { embedded } from '../embedded.config';
import { backendFor, shoot, signInAsGuest, WIDE } from './support';

/**
 * Error-budget-aware delivery (issue 22): a developer's pipeline asks the
 * deploy gate to promote a canary of the demo service that is out of
 * budget and is refused; the manager overrides in the UI; the gate then
 * allows, and the audit trail shows the override. Each role has its own
 * backend (the guest is one user per backend), all on the suite's SQLite.
 */
const backendUrl = `http://localhost:${embedded.backend}`;

/**
 * The demo SLO with the least budget left now, computed from the demo
 * history apart from the portal (the same history the loop's Prometheus
 * serves). Its service is the one the gate must refuse a feature.
 */
function outOfBudget() {
  const now = Math.floor(Date.now() / 1000);
  const [lowest] = readDemoSlos(path.join(embedded.repoRoot, 'demo/services'))
    .map(slo => ({ slo, remaining: demoBudgetRemaining(slo, now) }))
    .sort((a, b) => a.remaining - b.remaining);
  expect(
    lowest.remaining,
    `the demo organisation has no SLO out of budget (lowest: ${lowest.slo.id})`,
  ).toBeLessThan(0);
  return {
    service: lowest.slo.service,
    entityRef: `component:default/${lowest.slo.service}`,
  };
}

/** The signed-in guest's token, as a pipeline holds its CI token. */
async function token(request: APIRequestContext): Promise<string> {
  const res = await request.get(`${backendUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()).backstageIdentity.token;
}

/** What a pipeline sends before promoting the canary of a feature. */
async function askGate(request: APIRequestContext, entityRef: string) {
  const res = await request.post(`${backendUrl}/api/slo/deploy-gate`, {
    headers: { authorization: `Bearer ${await token(request)}` },
    data: { entityRef, change: { kind: 'feature', sha: 'e2e0001' } },
  });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

const target = outOfBudget();
const REASON = 'e2e: ship the fix for the ledger rounding bug';

test.describe.serial('the deploy gate', () => {
  test.describe('developer', () => {
    backendFor(embedded.users.developer);
    test('the canary promotion of a service out of budget is refused', async ({
      request,
    }) => {
      // The SLO backend evaluates within a minute of start.
      await expect
        .poll(async () => (await askGate(request, target.entityRef)).slos, {
          timeout: 180_000,
        })
        .not.toEqual([]);
      const answer = await askGate(request, target.entityRef);
      expect(answer.decision).toBe('deny');
      expect(answer.reason).toMatch(/^Policy denies a feature: /);
      expect(
        answer.slos.some(
          (s: { budgetRemaining: number | null }) =>
            s.budgetRemaining !== null && s.budgetRemaining < 0,
        ),
      ).toBe(true);
    });
  });

  test.describe('manager', () => {
    backendFor(embedded.users.manager);
    test('the manager overrides the gate on the SLO tab', async ({ page }) => {
      await page.setViewportSize(WIDE);
      await signInAsGuest(page);
      await page.goto(`/catalog/default/component/${target.service}/slo`);
      const gate = page.getByRole('region', { name: 'Deploy gate' });
      await expect(gate).toContainText('A feature may not deploy now.', {
        timeout: 120_000,
      });
      await gate.getByLabel('Hours').fill('1');
      await gate.getByLabel('Reason for the override').fill(REASON);
      await gate.getByRole('button', { name: 'Override for 1 hour' }).click();
      const active = gate.getByRole('alert', { name: 'Active override' });
      await expect(active).toContainText(embedded.users.manager);
      await expect(active).toContainText(REASON);
      await expect(gate).toContainText('A feature may deploy now.');
      await shoot(page, 'manager-deploy-gate-override');
    });
  });

  test.describe('developer again', () => {
    backendFor(embedded.users.developer);
    test('the same promotion is allowed under the override', async ({
      request,
    }) => {
      const answer = await askGate(request, target.entityRef);
      expect(answer.decision).toBe('allow');
      expect(answer.override.createdBy).toBe(embedded.users.manager);
      expect(answer.override.reason).toBe(REASON);
    });
  });

  test.describe('admin', () => {
    backendFor(embedded.users.admin);
    test('the audit trail shows the override and the decisions', async ({
      page,
    }) => {
      await page.setViewportSize(WIDE);
      await signInAsGuest(page);
      await page.goto('/audit');
      const table = page.getByRole('table', { name: 'Audit events' });
      await page.getByLabel('Target contains').fill(target.entityRef);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      const override = table
        .getByRole('row')
        .filter({ hasText: 'deploy-gate-override' });
      await expect(override.first()).toContainText(embedded.users.manager);
      await expect(override.first()).toContainText('succeeded');
      const decisions = table
        .getByRole('row')
        .filter({ hasText: 'deploy-gate-decide' });
      await expect(decisions.first()).toContainText(embedded.users.developer);
      await shoot(page, 'admin-audit-deploy-gate');
    });
  });
});
