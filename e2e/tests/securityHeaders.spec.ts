import { expect, test } from '@playwright/test';
import { signedInState } from '../support/environment';

// A platform admin can open every page checked here, the audit trail too.
test.use({ storageState: signedInState('platformAdmin') });

// Pages that exercise the app's code paths: lists, an entity, the
// scaffolder's form (JSON-schema validation), charts, and our plugins.
const PAGES = [
  '/',
  '/catalog',
  '/catalog/default/component/api-gateway',
  '/create',
  '/create/templates/default/typescript-service',
  '/slo',
  '/cost',
  '/on-call',
  '/audit',
  '/search?query=gateway',
];

test('the served app sends a strict CSP and runs without violating it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const response = await page.goto('/');
  const headers = response!.headers();
  const csp = headers['content-security-policy'];
  const directives = Object.fromEntries(
    csp.split(';').map(d => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
  expect(directives).toMatchObject({
    'default-src': "'self'",
    // ajv (extension config, template forms) compiles schemas: see
    // app-config.production.yaml.
    'script-src': "'self' 'unsafe-eval'",
    'connect-src': "'self'",
    'object-src': "'none'",
    'frame-ancestors': "'none'",
    'script-src-attr': "'none'",
  });
  expect(headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'permissions-policy': expect.stringContaining('camera=()'),
  });

  const violations: string[] = [];
  page.on('console', message => {
    if (/Content Security Policy/i.test(message.text())) {
      violations.push(`${page.url()}: ${message.text()}`);
    }
  });
  await page.exposeFunction('reportCspViolation', (text: string) =>
    violations.push(text),
  );
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', event => {
      (window as any).reportCspViolation(
        `${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI}`,
      );
    });
  });

  for (const path of PAGES) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // Each page rendered its content, not an error.
    await expect(page.getByRole('heading').first()).toBeVisible();
    await expect(page.getByText(/ERROR 404|Error in extension/)).toHaveCount(0);
  }
  // The template form validates its input with compiled JSON schemas.
  await page.goto('/create/templates/default/typescript-service');
  await page
    .getByRole('button', { name: /next|review/i })
    .first()
    .click();
  await page.waitForLoadState('networkidle');

  expect(violations).toEqual([]);
});
