import { APIRequestContext, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { LoopScenario } from '../../packages/demo-observability/src/loopFiles';
import { readDemoSlos } from '../../packages/demo-observability/src/demoSlos';
import { demoBudgetRemaining } from '../../packages/demo-observability/src/loopConfig';
import { embedded } from '../embedded.config';

/**
 * Error-budget-aware delivery (issue 22), across the roles' journeys: the
 * developer's pipeline asks the deploy gate to promote a canary of the demo
 * service that is out of budget and is refused (1-developer-gate); the
 * manager overrides on its SLO tab (2-manager-gate); the pipeline is then
 * allowed (3-developer-gate), and the admin finds the override and the
 * decisions in the audit trail (4-admin-gate).
 */
const backendUrl = `http://localhost:${embedded.backend}`;

/** The reason the manager gives; the later journeys look for it. */
export const OVERRIDE_REASON = 'e2e: ship the fix for the ledger rounding bug';

/**
 * The demo SLO with the least budget left, computed from the demo history
 * apart from the portal (the same history the loop's Prometheus serves). Its
 * service is the one the gate must refuse a feature. Ranked as of the loop's
 * start, so every journey of the run picks the same one.
 */
export function outOfBudget() {
  const scenario = JSON.parse(
    fs.readFileSync(
      path.join(embedded.dataDir, 'observability/scenario.json'),
      'utf8',
    ),
  ) as LoopScenario;
  const now = scenario.backfilledTo;
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
export async function askGate(request: APIRequestContext, entityRef: string) {
  const res = await request.post(`${backendUrl}/api/slo/deploy-gate`, {
    headers: { authorization: `Bearer ${await token(request)}` },
    data: { entityRef, change: { kind: 'feature', sha: 'e2e0001' } },
  });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}
