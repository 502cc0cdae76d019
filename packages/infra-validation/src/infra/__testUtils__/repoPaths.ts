import path from 'node:path';

/** The repository root, whatever the test's working directory. */
export const repoRoot = path.resolve(__dirname, '../../../../..');

export const portalChartDir = path.join(repoRoot, 'infra/helm/portal');

export const terraformDir = path.join(repoRoot, 'infra/terraform');
