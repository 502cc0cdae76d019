import { InputError } from '@backstage/errors';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ValidationProblem,
  checkPrometheusRules,
  checkTerraformPolicies,
  lintHelmChart,
  renderHelmChart,
  validateKubernetesObjects,
} from '@gogidix/infra-validation';
import fs from 'node:fs/promises';
import path from 'node:path';
import { checkDockerfile } from './dockerfile';
import { examples } from './validateService.examples';

export interface ServiceValidation {
  problems: ValidationProblem[];
  objectCount: number;
  /** Checks that could not run here, with the reason (e.g. no promtool). */
  skipped: string[];
}

async function filesUnder(root: string, pattern: RegExp) {
  const found: Array<{ path: string; content: string }> = [];
  const walk = async (dir: string) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
      } else if (pattern.test(entry.name)) {
        found.push({
          path: path.relative(root, full),
          content: await fs.readFile(full, 'utf8'),
        });
      }
    }
  };
  await walk(root).catch(() => undefined);
  return found;
}

/**
 * Everything a generated service must pass before it is published: the Helm
 * chart rendered per environment with every object checked against the
 * Kubernetes, Istio and prometheus-operator schemas; the SLO rules through
 * promtool; the Terraform against our policies; the Dockerfile's user.
 */
export async function validateService(options: {
  workspace: string;
  chartPath: string;
  environments: string[];
  libraryChartDir?: string;
  scratchDir: string;
}): Promise<ServiceValidation> {
  const { workspace } = options;
  const problems: ValidationProblem[] = [];
  const skipped: string[] = [];
  const inWorkspace = (file: string) => path.join(options.chartPath, file);

  // Render a copy with our library chart vendored, as CI does after
  // `helm dependency build`, so that no registry is needed here.
  const chartDir = path.join(
    options.scratchDir,
    path.basename(options.chartPath),
  );
  await fs.cp(resolveSafeChildPath(workspace, options.chartPath), chartDir, {
    recursive: true,
  });
  if (options.libraryChartDir) {
    await fs.cp(
      options.libraryChartDir,
      path.join(chartDir, 'charts', 'gogidix-service'),
      { recursive: true },
    );
  }

  let objectCount = 0;
  for (const env of options.environments) {
    const valuesFiles = ['values.yaml', `values-${env}.yaml`].map(file =>
      path.join(chartDir, file),
    );
    const relabel = (problem: ValidationProblem): ValidationProblem => ({
      ...problem,
      file: inWorkspace(problem.file.replace(`${chartDir}/`, '')),
      message: `[${env}] ${problem.message}`,
    });
    problems.push(
      ...(await lintHelmChart({ chartDir, valuesFiles })).map(relabel),
    );
    try {
      const manifests = await renderHelmChart({
        chartDir,
        releaseName: path.basename(options.chartPath),
        namespace: 'validation',
        valuesFiles,
      });
      objectCount += manifests.length;
      problems.push(...validateKubernetesObjects(manifests).map(relabel));
    } catch (error) {
      problems.push({
        file: options.chartPath,
        message: `[${env}] the chart does not render: ${
          (error as Error).message
        }`,
      });
    }
  }

  const rules = await filesUnder(
    resolveSafeChildPath(workspace, inWorkspace('files')),
    /^slo-rules\.ya?ml$/,
  );
  const ruleCheck = await checkPrometheusRules(
    rules.map(r => ({ ...r, path: inWorkspace(`files/${r.path}`) })),
  );
  problems.push(...ruleCheck.problems);
  if (ruleCheck.skipped) {
    skipped.push(`Prometheus rules: ${ruleCheck.skipped}`);
  }

  const terraform = await filesUnder(
    resolveSafeChildPath(workspace, 'terraform'),
    /\.(tf|hcl)$/,
  );
  problems.push(
    ...(await checkTerraformPolicies(
      terraform.map(file => ({ ...file, path: `terraform/${file.path}` })),
    )),
  );

  const dockerfile = await fs
    .readFile(path.join(workspace, 'Dockerfile'), 'utf8')
    .catch(() => undefined);
  problems.push(...checkDockerfile(dockerfile));

  return { problems, objectCount, skipped };
}

export function describeProblem(problem: ValidationProblem): string {
  return [problem.file, problem.object, problem.field]
    .filter(Boolean)
    .join(' › ')
    .concat(`: ${problem.message}`);
}

/** `gogidix:service:validate`: stops the run before publish when anything fails. */
export function createValidateServiceAction(options: {
  libraryChartDir?: string;
}) {
  return createTemplateAction({
    id: 'gogidix:service:validate',
    description:
      'Validates the generated service (Helm chart objects against Kubernetes, Istio and prometheus-operator schemas, SLO rules with promtool, Terraform policies, Dockerfile) and fails before publish if anything is wrong.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        chartPath: z =>
          z.string().describe('Helm chart, relative to the workspace'),
        environments: z =>
          z
            .array(z.string())
            .min(1)
            .describe('Values files to render: values-<env>.yaml'),
      },
      output: {
        objectCount: z => z.number(),
        problemCount: z => z.number(),
      },
    },
    async handler(ctx) {
      const result = await validateService({
        workspace: ctx.workspacePath,
        chartPath: ctx.input.chartPath,
        environments: ctx.input.environments,
        libraryChartDir: options.libraryChartDir,
        scratchDir: await ctx.createTemporaryDirectory(),
      });
      for (const reason of result.skipped) {
        ctx.logger.warn(`Not checked here: ${reason}`);
      }
      ctx.output('objectCount', result.objectCount);
      ctx.output('problemCount', result.problems.length);
      if (result.problems.length > 0) {
        for (const problem of result.problems) {
          ctx.logger.error(describeProblem(problem));
        }
        throw new InputError(
          `The generated service has ${
            result.problems.length
          } problem(s); nothing was published. First: ${describeProblem(
            result.problems[0],
          )}`,
        );
      }
      ctx.logger.info(
        `Validated ${
          result.objectCount
        } Kubernetes objects across ${ctx.input.environments.join(
          ', ',
        )}, the SLO rules and the Terraform: no problems`,
      );
    },
  });
}
