import { expect } from '@playwright/test';
import { embedded } from '../embedded.config';
import { askGate, OVERRIDE_REASON, outOfBudget } from './deployGate';
import { backendFor, test } from './support';

backendFor(embedded.users.developer);

test("the pipeline's promotion is allowed under the manager's override", async ({
  request,
}) => {
  const answer = await askGate(request, outOfBudget().entityRef);
  expect(
    answer.decision,
    `the gate still says ${answer.decision} (${answer.reason}); did 2-manager-gate override it?`,
  ).toBe('allow');
  expect(answer.override.createdBy).toBe(embedded.users.manager);
  expect(answer.override.reason).toBe(OVERRIDE_REASON);
});
