import { InputError } from '@backstage/errors';
import { Config } from '@backstage/config';
import { parseEntityRef } from '@backstage/catalog-model';
import { ScmIntegrations } from '@backstage/integration';
import {
  UrlReaderService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { createFetchTemplateAction } from '@backstage/plugin-scaffolder-backend';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServiceParameters, platformActionInput } from './platformInput';
import {
  ServiceLanguage,
  containerResources,
  languageProfiles,
} from './serviceProfile';
import { examples } from './renderPlatform.examples';
import { nameRunbookAlerts } from './runbookAlerts';

/** The platform layer's files, shipped with this package. */
export const PLATFORM_DIR = resolvePackagePath(
  '@gogidix/plugin-scaffolder-backend-module-gogidix',
  'platform',
);

/**
 * The `le` label the service's metrics library writes for a bucket bound:
 * Micrometer (Java) writes Go-style floats ("1.0"), prom-client and our
 * Python metrics the shortest form ("1").
 */
export function bucketLabel(language: ServiceLanguage, seconds: number) {
  return language === 'java' && Number.isInteger(seconds)
    ? seconds.toFixed(1)
    : String(seconds);
}

/** Everything the platform layer's files may refer to as `values.*`. */
export function platformValues(options: {
  language: ServiceLanguage;
  parameters: ServiceParameters;
  templateName: string;
  config: Config;
  repository?: { publishTarget?: string; githubOrganisation?: string };
}) {
  const { parameters: p, config } = options;
  // The scaffolder checks input against the JSON schema made from the zod
  // one, so a rule across two answers is checked here.
  const paged = ['tier-0', 'tier-1'].includes(p.tier);
  if (p.pagerdutyServiceId && !paged) {
    throw new InputError(
      'pagerdutyServiceId: only tier-0 and tier-1 services are paged; clear it or pick tier-0 or tier-1',
    );
  }
  // The compliance check on-call (Silver) needs it: without it the new
  // service could never get past Bronze.
  if (paged && !p.pagerdutyServiceId) {
    throw new InputError(
      `pagerdutyServiceId: a ${p.tier} service pages someone when it breaks; give the PagerDuty service that pages for it (P and 6 capital letters or digits, e.g. P4X9QZK), or pick tier-2 or tier-3`,
    );
  }
  const language = languageProfiles[options.language];
  const team = parseEntityRef(p.owner, { defaultKind: 'group' }).name;
  const resources: Array<[boolean, string, string, string]> = [
    [p.postgres, 'db', 'database', 'PostgreSQL database'],
    [p.bucket, 'bucket', 'object-storage', 'Object storage bucket'],
    [p.queue, 'queue', 'queue', 'Message queue'],
  ];
  return {
    name: p.name,
    description: p.description,
    owner: p.owner,
    system: p.system,
    tier: p.tier,
    lifecycle: p.lifecycle,
    language: options.language,
    templateName: options.templateName,
    ciProvider: p.ciProvider,
    environments: p.environments,
    team,
    port: language.port,
    metricsPath: language.metricsPath,
    probes: language.probes,
    metrics: language.metrics,
    ci: language.ci,
    imageRepository: `${p.registry}/${p.name}`,
    registryHost: p.registry.split('/')[0],
    containerResources: containerResources[p.gpuProfile],
    gpuProfile: p.gpuProfile,
    mesh: {
      enabled: p.meshEnabled,
      timeoutSeconds: p.timeoutSeconds,
      retries: p.retries,
      perTryTimeoutSeconds: p.perTryTimeoutSeconds,
      circuitBreaking: p.circuitBreaking,
      canaryWeight: p.canaryWeight,
    },
    observability: {
      serviceMonitor: p.serviceMonitor,
      dashboard: p.dashboard,
      logs: p.logs,
      traces: p.traces,
    },
    slo: {
      availability: p.availability,
      latencyThresholdMs: p.latencyThresholdMs,
      latencyThresholdSeconds: bucketLabel(
        options.language,
        p.latencyThresholdMs / 1000,
      ),
      latencyTarget: p.latencyTarget,
      window: p.sloWindow,
    },
    vault: {
      enabled: p.vaultEnabled,
      // One path per service, as docs/annotations.md describes.
      path: p.vaultEnabled ? `${team}/${p.name}` : '',
      role: p.vaultEnabled ? p.name : '',
      policy: p.vaultPolicy ?? `${p.name}-read`,
    },
    infrastructure: { postgres: p.postgres, bucket: p.bucket, queue: p.queue },
    catalogResources: resources
      .filter(([wanted]) => wanted)
      .map(([, suffix, type, what]) => ({
        suffix,
        type,
        description: `${what} of ${p.name}.`,
      })),
    pagerdutyServiceId: p.pagerdutyServiceId,
    chartRegistry:
      config.getOptionalString('gogidix.platform.chartRegistry') ??
      'harbor.gogidix.dev/charts',
    platformModulesRef:
      config.getOptionalString('gogidix.platform.modulesRef') ?? 'v1.0.0',
    portalBaseUrl: config.getString('app.baseUrl'),
    // Where pipelines reach the portal's API (deploy gate, deploy reports).
    portalApiUrl: (
      config.getOptionalString('backend.baseUrl') ??
      config.getString('app.baseUrl')
    ).replace(/\/+$/, ''),
    projectSlug: projectSlug(p.ciProvider, team, p.name, options.repository),
  };
}

/**
 * The repository the publish steps create (templates/_shared/steps.yaml),
 * as the catalog's github.com/ or gitlab.com/project-slug, so that the
 * delivery plugin reads its deployments; none when published locally.
 */
function projectSlug(
  ciProvider: string,
  team: string,
  name: string,
  repository?: { publishTarget?: string; githubOrganisation?: string },
): { github?: string; gitlab?: string } {
  if (repository?.publishTarget !== 'scm') return {};
  if (ciProvider === 'github') {
    const org = repository.githubOrganisation?.trim();
    return org ? { github: `${org}/${name}` } : {};
  }
  return ciProvider === 'gitlab' ? { gitlab: `${team}/${name}` } : {};
}

/**
 * `gogidix:platform:render` writes the platform layer (Helm chart on our
 * library chart, CI, OpenSLO document, runbooks, Terraform, catalog entry)
 * into the workspace, rendered by the scaffolder's own fetch:template so
 * that the files use the same templating as every skeleton.
 */
export function createRenderPlatformAction(options: {
  reader: UrlReaderService;
  integrations: ScmIntegrations;
  config: Config;
}) {
  const fetchTemplate = createFetchTemplateAction({
    reader: options.reader,
    integrations: options.integrations,
  });
  return createTemplateAction({
    id: 'gogidix:platform:render',
    description:
      'Writes the platform layer every Gogidix service gets: Helm chart, CI, OpenSLO, runbooks, Terraform and catalog entry.',
    examples,
    supportsDryRun: true,
    schema: {
      input: platformActionInput,
      output: {
        files: z => z.array(z.string()).describe('Files written, sorted'),
      },
    },
    async handler(ctx) {
      const values = platformValues({
        language: ctx.input.language,
        parameters: ctx.input.parameters,
        // The entity's own name, also in a dry run (whose ref is template:default/dry-run).
        templateName:
          ctx.templateInfo?.entity?.metadata.name ??
          (ctx.templateInfo?.entityRef
            ? parseEntityRef(ctx.templateInfo.entityRef).name
            : 'unknown'),
        config: options.config,
        repository: ctx.input.repository,
      });
      const baseUrl = pathToFileURL(path.join(PLATFORM_DIR, 'README.md')).href;
      // Rendered apart from the skeleton so that only platform files are
      // pruned, then copied in without overwriting the skeleton's files.
      const staging = await ctx.createTemporaryDirectory();
      for (const folder of ['common', values.ciProvider]) {
        ctx.logger.info(`Rendering the platform layer's ${folder} files`);
        await fetchTemplate.handler({
          ...ctx,
          workspacePath: staging,
          templateInfo: { ...ctx.templateInfo, baseUrl },
          input: { url: `./${folder}`, values, targetPath: '.' },
        } as Parameters<typeof fetchTemplate.handler>[0]);
      }
      await nameRunbookAlerts(staging, values.name);
      const files = await dropEmptyFiles(staging);
      await fs.cp(staging, ctx.workspacePath, {
        recursive: true,
        force: false,
        errorOnExist: false,
      });
      ctx.output('files', files);
    },
  });
}

/**
 * A platform file that renders to whitespace only is one the developer did
 * not ask for (a Terraform resource, a CI provider's file): remove it, and
 * any folder left empty.
 */
async function dropEmptyFiles(root: string): Promise<string[]> {
  const kept: string[] = [];
  async function visit(dir: string): Promise<boolean> {
    let empty = true;
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (await visit(full)) {
          await fs.rmdir(full);
        } else {
          empty = false;
        }
      } else if ((await fs.readFile(full, 'utf8')).trim() === '') {
        await fs.rm(full);
      } else {
        kept.push(path.relative(root, full));
        empty = false;
      }
    }
    return empty;
  }
  await visit(root);
  return kept.sort();
}
