import { startTestBackend, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderModuleGithub from '@backstage/plugin-scaffolder-backend-module-github';
import scaffolderModuleGitlab from '@backstage/plugin-scaffolder-backend-module-gitlab';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import scaffolderModuleGogidix from '../index';
import { templateFiles } from '../templateFiles';

export const repoRoot = path.resolve(__dirname, '../../../..');
export const templatesDir = path.join(repoRoot, 'templates');

/** A template entity as the catalog holds it: `$yaml` pieces from templates/_shared resolved. */
export function loadTemplate(name: string): Entity {
  return parse(templateFiles(templatesDir, name)['template.yaml']) as Entity;
}

/**
 * A template entity as the catalog holds it after reading it from this
 * repository: with the location the scaffolder resolves `./skeleton` from.
 */
export function catalogTemplate(name: string): Entity {
  const template = loadTemplate(name);
  return {
    ...template,
    metadata: {
      ...template.metadata,
      namespace: 'default',
      annotations: {
        ...template.metadata.annotations,
        'backstage.io/managed-by-location': `file:${path.join(
          templatesDir,
          name,
          'template.yaml',
        )}`,
      },
    },
  };
}

/** The template's folder as the dry-run API takes it. */
export function templateDirectoryContents(name: string) {
  return Object.entries(templateFiles(templatesDir, name)).map(
    ([filePath, content]) => ({
      path: filePath,
      base64Content: Buffer.from(content).toString('base64'),
    }),
  );
}

export const demoEntities: Entity[] = [
  ...['platform', 'listings', 'ai'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name },
    spec: { type: 'team', children: [] },
  })),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'property-marketplace' },
    spec: { owner: 'listings' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'listings-service' },
    spec: { type: 'service', lifecycle: 'production', owner: 'listings' },
  },
];

/**
 * A scaffolder backend with our actions and the GitHub and GitLab
 * publishers, against an in-memory catalog, publishing locally to a
 * temporary folder.
 */
export async function startScaffolder(
  config: Record<string, unknown> = {},
  features: Parameters<typeof startTestBackend>[0]['features'] = [],
  entities: Entity[] = [],
) {
  const gitRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'local-git-'));
  return startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModuleGogidix,
      scaffolderModuleGithub,
      scaffolderModuleGitlab,
      catalogServiceMock.factory({ entities: [...demoEntities, ...entities] }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://portal.test' },
          backend: { baseUrl: 'http://localhost:7007' },
          gogidix: {
            localGit: { root: gitRoot, baseUrl: 'https://git.portal.test' },
            platform: {
              libraryChart: path.join(repoRoot, 'infra/helm/gogidix-service'),
            },
          },
          scaffolder: {
            defaultEnvironment: { parameters: { publishTarget: 'local' } },
          },
          ...config,
        },
      }),
      ...(features ?? []),
    ],
  });
}
