import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  demoComponents,
  demoServices,
  repoRoot,
} from '../__testUtils__/fixtures';
import { RepositoryFactRetriever } from './RepositoryFactRetriever';

const now = new Date('2026-11-27T09:00:00Z');

function byFact(
  facts: Awaited<ReturnType<RepositoryFactRetriever['retrieve']>>,
) {
  return Object.fromEntries(facts.map(f => [f.factId, f]));
}

const component = (location?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'svc',
    annotations: {
      ...(location ? { 'backstage.io/managed-by-location': location } : {}),
      'gogidix.io/runbooks': './docs/runbooks',
    },
  },
  spec: { owner: 'listings' },
});

describe('RepositoryFactRetriever', () => {
  it('reads a demo service from disk, beside its catalog-info.yaml', async () => {
    const listings = demoComponents().find(
      e => e.metadata.name === 'listings-service',
    )!;
    const retriever = new RepositoryFactRetriever(
      mockServices.urlReader.mock(),
    );
    const facts = byFact(
      await retriever.retrieve(
        [{ entity: listings, entityRef: 'component:default/listings-service' }],
        now,
      ),
    );
    expect(facts['repo.ciRunsTrivy'].value).toBe(true);
    expect(facts['repo.helmMtlsStrict'].value).toBe(true);
    expect(facts['repo.runbookFiles'].value).toBe(3);
    // Repository-relative: evidence never shows where the portal runs.
    expect(facts['repo.helmProbes'].source).toBe(
      'demo/services/listings-service/deploy/helm/listings-service/values.yaml',
    );
    expect(facts['repo.helmProbes'].collectedAt).toBe(now.toISOString());
  });

  it('names a missing folder on disk by its repository path and error code only', async () => {
    const facts = await new RepositoryFactRetriever(
      mockServices.urlReader.mock(),
    ).retrieve(
      [
        {
          entity: component(`file:${demoServices}/gone/catalog-info.yaml`),
          entityRef: 'component:default/gone',
        },
      ],
      now,
    );
    expect(facts[0]).toMatchObject({
      error: 'could not read the repository: ENOENT',
      source: 'demo/services/gone',
    });
    expect(JSON.stringify(facts)).not.toContain(repoRoot);
  });

  it('reads a url: location through UrlReader.readTree, from the folder of catalog-info.yaml', async () => {
    const reader = mockServices.urlReader.mock({
      readTree: async url => {
        expect(url).toBe(
          'https://git.portal.localhost/listings/svc/blob/main/',
        );
        return {
          etag: 'abc',
          files: async () => [
            {
              path: 'Dockerfile',
              content: async () => Buffer.from('FROM x\nUSER 1000'),
            },
            {
              path: 'docs/runbooks/a.md',
              content: async () => Buffer.from('# a'),
            },
          ],
          archive: async () => {
            throw new Error('unused');
          },
          dir: async () => {
            throw new Error('unused');
          },
        };
      },
    });
    const facts = byFact(
      await new RepositoryFactRetriever(reader).retrieve(
        [
          {
            entity: component(
              'url:https://git.portal.localhost/listings/svc/blob/main/catalog-info.yaml',
            ),
            entityRef: 'component:default/svc',
          },
        ],
        now,
      ),
    );
    expect(facts['repo.dockerfileNonRoot']).toMatchObject({
      value: true,
      source: 'https://git.portal.localhost/listings/svc/blob/main/Dockerfile',
    });
    expect(facts['repo.runbookFiles'].value).toBe(1);
    expect(facts['repo.ciPipeline'].value).toBe(false);
  });

  it('puts every repository fact of an unreadable repository in an error state, and keeps the others', async () => {
    const reader = mockServices.urlReader.mock({
      readTree: async url => {
        if (url.includes('gone'))
          throw new Error('NotFoundError: 404 Not Found');
        return {
          etag: 'x',
          files: async () => [],
          archive: async () => {
            throw new Error('unused');
          },
          dir: async () => {
            throw new Error('unused');
          },
        };
      },
    });
    const facts = await new RepositoryFactRetriever(reader).retrieve(
      [
        {
          entity: component(
            'url:https://git.example.com/gone/blob/main/catalog-info.yaml',
          ),
          entityRef: 'component:default/gone',
        },
        {
          entity: component(
            'url:https://git.example.com/here/blob/main/catalog-info.yaml',
          ),
          entityRef: 'component:default/here',
        },
        { entity: component(), entityRef: 'component:default/nowhere' },
      ],
      now,
    );
    const gone = facts.filter(f => f.entityRef === 'component:default/gone');
    expect(gone).toHaveLength(9);
    expect(gone.every(f => f.value === null)).toBe(true);
    expect(gone[0].error).toBe(
      'could not read the repository: NotFoundError: 404 Not Found',
    );
    const here = facts.filter(f => f.entityRef === 'component:default/here');
    expect(here.every(f => f.error === undefined)).toBe(true);
    const nowhere = facts.find(
      f => f.entityRef === 'component:default/nowhere',
    );
    expect(nowhere?.error).toMatch(/no backstage.io\/managed-by-location/);
  });
});
