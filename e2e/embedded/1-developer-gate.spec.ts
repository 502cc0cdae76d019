import { expect } from '@playwright/test';
import { embedded } from '../embedded.config';
import { askGate, outOfBudget } from './deployGate';
import { backendFor, test } from './support';

backendFor(embedded.users.developer);

test('the canary promotion of a service out of budget is refused', async ({
  request,
}) => {
  const target = outOfBudget();
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
