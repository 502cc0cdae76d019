import { expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { burnAlerts } from '../../packages/demo-observability/src/loopConfig';
import { readDemoSlos } from '../../packages/demo-observability/src/demoSlos';
import { LoopScenario } from '../../packages/demo-observability/src/loopFiles';
import { parseAllDocuments } from 'yaml';
import { embedded } from '../embedded.config';
import { openUntil } from '../support/openUntil';
import { backendFor, screenshots, signInAsGuest, test } from './support';

/** The SLO the loop burns, and the page alert its Sloth rules define. */
function burningSlo() {
  const scenario = JSON.parse(
    fs.readFileSync(
      path.join(embedded.dataDir, 'observability/scenario.json'),
      'utf8',
    ),
  ) as LoopScenario;
  const slo = readDemoSlos(path.join(embedded.repoRoot, 'demo/services')).find(
    s => s.id === scenario.incidents[0].sloId,
  )!;
  const page = burnAlerts(slo).find(a => a.severity === 'page')!;
  return { slo, alert: page.alert };
}

/**
 * The display names of the members of the team that owns `service`, read
 * from the demo organisation's files: the people its rotation may name.
 */
function ownerMembers(service: string): { team: string; people: string[] } {
  const component = parseAllDocuments(
    fs.readFileSync(
      path.join(
        embedded.repoRoot,
        'demo/services',
        service,
        'catalog-info.yaml',
      ),
      'utf8',
    ),
  )
    .map(d => d.toJS())
    .find(d => d?.kind === 'Component' && d.metadata?.name === service);
  const team = String(component?.spec?.owner ?? '').replace(
    /^(group:)?(default\/)?/,
    '',
  );
  const people = parseAllDocuments(
    fs.readFileSync(
      path.join(embedded.repoRoot, 'demo/org/users.yaml'),
      'utf8',
    ),
  )
    .map(d => d.toJS())
    .filter(u => u?.kind === 'User' && u.spec?.memberOf?.includes(team))
    .map(u => u.spec.profile.displayName as string);
  return { team, people };
}

backendFor(embedded.users.onCall);

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width}x${viewport.height}, the on-call engineer finds the page Prometheus fired for an SLO burn, who is on call, and its runbook`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const { slo, alert } = burningSlo();
    await signInAsGuest(page);

    const paging = page.getByRole('region', { name: `${slo.service} page` });
    // Prometheus fires it about half a minute after it is ready; the page
    // shows what Alertmanager has on each load.
    await openUntil(
      page,
      '/on-call',
      async () => {
        await expect(paging.getByText(alert).first()).toBeVisible();
      },
      180_000,
    );
    await page.screenshot({
      path: path.join(screenshots, `on-call-${viewport.width}.png`),
      fullPage: true,
    });

    // Who is on call for the burning service: its PagerDuty schedule (the
    // demo stand-in's weekly rotation through its owning team).
    const { team, people } = ownerMembers(slo.service);
    expect(people.length, `no members of ${team} in demo/org`).toBeGreaterThan(
      0,
    );
    await page.goto(`/catalog/default/component/${slo.service}/on-call`);
    const pagerDuty = page
      .locator('[class*=MuiCard]')
      .filter({ has: page.getByText('On call (PagerDuty)') });
    await expect(pagerDuty.getByText('On call now')).toBeVisible();
    const names = people.map(p => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    // The line right under "On call now" (the next shift is further down).
    const onCallNow = pagerDuty
      .getByText('On call now', { exact: true })
      .locator('xpath=following-sibling::*[1]')
      .getByRole('link', { name: new RegExp(`^(${names.join('|')})$`) });
    await expect(
      onCallNow,
      `nobody of ${team} (${people.join(', ')}) is shown on call for ${
        slo.service
      }`,
    ).toBeVisible();
    await page.screenshot({
      path: path.join(screenshots, `who-is-on-call-${viewport.width}.png`),
      fullPage: true,
    });

    await page.goto('/on-call');
    await paging.getByRole('link', { name: 'Runbook' }).first().click();
    await expect(page).toHaveURL(
      new RegExp(`/runbooks/default/component/${slo.service}/${slo.runbook}$`),
    );
    // Loaded: either the runbook (with its source under it) or "missing".
    await expect(
      page
        .getByText('Runbook missing')
        .or(page.getByText(/^Source: /))
        .first(),
    ).toBeVisible();
    await expect(page.getByText('Runbook missing')).toHaveCount(0);
    await page.screenshot({
      path: path.join(screenshots, `runbook-${viewport.width}.png`),
      fullPage: true,
    });
  });
}
