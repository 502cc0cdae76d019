import { ValidationProblem } from '../types';
import { checkResources } from './resourcePolicies';
import {
  checkHardCodedSecrets,
  checkModuleSources,
  checkProviderVersions,
} from './sourcePolicies';
import { loadTerraformModules } from './terraformModule';

/**
 * Checks Terraform (.tf) and Terragrunt (.hcl) files against our policies:
 * encryption at rest, database backups, no public databases, no admin port
 * open to the internet, required tags, pinned providers and module sources,
 * no literal credentials. Files in one directory are checked together, as
 * Terraform reads them as one module. Without terraform or a provider schema
 * here, the checks read the configuration statically: a value hidden behind
 * an expression the checks cannot follow counts as not compliant.
 */
export async function checkTerraformPolicies(
  files: Array<{ path: string; content: string }>,
): Promise<ValidationProblem[]> {
  const { modules, failures } = await loadTerraformModules(files);
  const problems: ValidationProblem[] = failures.map(failure => ({
    file: failure.path,
    rule: 'hcl-syntax',
    message: `${failure.path} is not valid HCL: ${failure.error.replace(
      /^parse config: /,
      '',
    )}`,
  }));
  for (const module of modules) {
    problems.push(
      ...checkResources(module),
      ...checkProviderVersions(module),
      ...checkModuleSources(module),
      ...checkHardCodedSecrets(module),
    );
  }
  return problems;
}
