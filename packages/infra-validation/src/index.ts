/**
 * Validation of infrastructure artefacts (Helm charts, Kubernetes objects,
 * Terraform and Terragrunt, Prometheus rules), shared by the infra tests and
 * the scaffolder's validate action.
 *
 * @packageDocumentation
 */
export type { RenderedManifest, ValidationProblem } from './types';
export { locateHelm } from './helm/locateHelm';
export { lintHelmChart, renderHelmChart } from './helm/helmChart';
export { validateKubernetesObjects } from './kubernetes/validateKubernetesObjects';
export { checkTerraformPolicies } from './terraform/checkTerraformPolicies';
export { checkPrometheusRules } from './prometheus/checkPrometheusRules';
export {
  CommandFailedError,
  runCommand,
  runCommandSync,
  explainCommandFailure,
} from './command/runCommand';
export type { CommandOutcome, RunCommandOptions } from './command/runCommand';
export { startServerProcess } from './command/startServerProcess';
export type { ServerProcess } from './command/startServerProcess';
