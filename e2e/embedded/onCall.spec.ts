import { expect, Page, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { burnAlerts } from '../../packages/demo-observability/src/loopConfig';
import { readDemoSlos } from '../../packages/demo-observability/src/demoSlos';
import { LoopScenario } from '../../packages/demo-observability/src/loopFiles';
import { embedded } from '../embedded.config';

const screenshots = path.join(embedded.dataDir, 'results/screenshots');

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

/** Guest sign-in, as start.sh offers it; done once the sign-in page is gone. */
async function signInAsGuest(page: Page) {
  await page.goto('/');
  // The dev server compiles the app on the first visit: minutes on 2 cores.
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click({ timeout: 300_000 });
  await expect(enter).toHaveCount(0);
  await expect(page.getByText('Enter as a Guest User.')).toHaveCount(0);
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width}x${viewport.height}, the on-call engineer finds the page Prometheus fired for an SLO burn and opens its runbook`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const { slo, alert } = burningSlo();
    await signInAsGuest(page);

    await page.goto('/on-call');
    const paging = page.getByRole('region', { name: `${slo.service} page` });
    // Prometheus fires it about half a minute after it is ready; the page
    // shows what Alertmanager has on each load.
    await expect(async () => {
      await page.reload();
      await expect(paging.getByText(alert).first()).toBeVisible({
        timeout: 5_000,
      });
    }).toPass({ timeout: 150_000 });
    await page.screenshot({
      path: path.join(screenshots, `on-call-${viewport.width}.png`),
      fullPage: true,
    });

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
