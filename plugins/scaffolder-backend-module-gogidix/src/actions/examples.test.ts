import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { actionContext, tempDir } from '../__testUtils__/context';
import { demoEntities, repoRoot } from '../__testUtils__/templates';
import { LocalGitRepositories } from '../localGit/LocalGitRepositories';
import { createCheckServiceNameAction } from './checkServiceName';
import { createGenerateSloRulesAction } from './generateSloRules';
import { createPublishLocalAction } from './publishLocal';
import { createRenderPlatformAction } from './renderPlatform';
import { createValidateServiceAction } from './validateService';

function exampleInput(examples: TemplateExample[]) {
  return parse(examples[0].example).steps[0].input;
}

/**
 * Each action's documented example, run in order in one workspace: the
 * examples are the golden path a template follows, so they must work.
 */
describe('action examples', () => {
  const config = new ConfigReader({ app: { baseUrl: 'http://portal.test' } });
  const catalog = catalogServiceMock({ entities: demoEntities });
  const workspace = tempDir('examples-');
  const gitRoot = tempDir('examples-git-');
  // The skeleton step would write the application; its Dockerfile stands in.
  fs.writeFileSync(
    path.join(workspace, 'Dockerfile'),
    'FROM scratch\nUSER 10001\n',
  );
  const actions = [
    createCheckServiceNameAction({
      catalog,
      permissions: mockServices.permissions(),
    }),
    createRenderPlatformAction({
      reader: mockServices.urlReader.mock(),
      integrations: ScmIntegrations.fromConfig(config),
      config,
    }),
    createGenerateSloRulesAction({ portalBaseUrl: 'http://portal.test' }),
    createValidateServiceAction({
      libraryChartDir: path.join(repoRoot, 'infra/helm/gogidix-service'),
    }),
  ];

  it.each(actions.map(a => [a.id, a] as const))('%s', async (_, action) => {
    const { ctx } = actionContext(workspace, exampleInput(action.examples!));
    await expect(action.handler(ctx as never)).resolves.toBeUndefined();
  });

  it('gogidix:repo:publish', async () => {
    const repositories = new LocalGitRepositories(gitRoot, 'https://git.test');
    const created = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'listing-photos' },
    };
    const action = createPublishLocalAction({
      repositories,
      auth: mockServices.auth(),
      catalog: {
        addLocation: async (request: { dryRun?: boolean }) => ({
          location: { id: '1', type: 'url', target: 'x' },
          entities: request.dryRun ? [created] : [],
        }),
        getEntityByRef: async () => created,
      } as never,
    });
    const { ctx, outputs } = actionContext(
      workspace,
      exampleInput(action.examples!),
    );
    await action.handler(ctx as never);
    expect(outputs).toMatchObject({
      catalogInfoUrl:
        'https://git.test/listings/listing-photos/blob/main/catalog-info.yaml',
      entityRef: 'component:default/listing-photos',
    });
    const catalogInfo = await repositories.readFile({
      owner: 'listings',
      name: 'listing-photos',
      ref: 'main',
      filePath: 'catalog-info.yaml',
    });
    expect(catalogInfo.toString()).toContain('name: listing-photos');
  });
});
