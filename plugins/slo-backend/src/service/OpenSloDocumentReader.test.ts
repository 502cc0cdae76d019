import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenSloDocumentReader } from './OpenSloDocumentReader';

const demoDir = join(__dirname, '../../../../demo/services');
const DOCUMENT = readFileSync(
  join(demoDir, 'listings-service/slo/openslo.yaml'),
  'utf8',
);
const OWN = 'https://git.gogidix.dev/platform/evil-slo';
const OWN_LOCATION = `url:${OWN}/blob/main/catalog-info.yaml`;
const DEMO_LOCATION = `file:${join(
  demoDir,
  'listings-service',
  'catalog-info.yaml',
)}`;

function component(openslo: string, location: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'evil-slo',
      namespace: 'default',
      annotations: {
        'gogidix.io/openslo': openslo,
        'backstage.io/managed-by-location': location,
      },
    },
    spec: { type: 'service', owner: 'platform' },
  };
}

describe('OpenSloDocumentReader', () => {
  /** A reader whose UrlReader serves the document at any URL. */
  function reader() {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readUrl.mockResolvedValue({
      buffer: async () => Buffer.from(DOCUMENT),
    } as Awaited<ReturnType<typeof urlReader.readUrl>>);
    return { documents: new OpenSloDocumentReader(urlReader), urlReader };
  }

  it.each([
    [
      'a path in the repository',
      './slo/openslo.yaml',
      `${OWN}/blob/main/slo/openslo.yaml`,
    ],
    [
      'a URL into the repository',
      `${OWN}/blob/main/slo/openslo.yaml`,
      `${OWN}/blob/main/slo/openslo.yaml`,
    ],
    [
      'another branch of the repository',
      `${OWN}/blob/release/slo.yaml`,
      `${OWN}/blob/release/slo.yaml`,
    ],
  ])('reads %s', async (_, openslo, url) => {
    const { documents, urlReader } = reader();
    const { slos, problems } = await documents.read(
      component(openslo, OWN_LOCATION),
    );
    expect(problems).toEqual([]);
    expect(slos).toHaveLength(2);
    expect(urlReader.readUrl).toHaveBeenCalledWith(url);
  });

  it.each([
    [
      "another team's repository",
      'https://git.gogidix.dev/listings/listings-service/blob/main/slo/openslo.yaml',
      OWN_LOCATION,
    ],
    [
      'a relative path out of the repository',
      '../../../listings-service/blob/main/slo/openslo.yaml',
      OWN_LOCATION,
    ],
    [
      'another host',
      'https://github.com/platform/evil-slo/blob/main/slo/openslo.yaml',
      OWN_LOCATION,
    ],
    [
      'a URL from a catalog file on disk',
      'https://git.gogidix.dev/listings/listings-service/blob/main/slo/openslo.yaml',
      DEMO_LOCATION,
    ],
  ])(
    'refuses %s without reading it, naming the annotation and the fix',
    async (_, openslo, location) => {
      const { documents, urlReader } = reader();
      const { slos, problems } = await documents.read(
        component(openslo, location),
      );
      expect(slos).toEqual([]);
      expect(urlReader.readUrl).not.toHaveBeenCalled();
      expect(problems).toEqual([
        {
          source: openslo,
          path: 'metadata.annotations["gogidix.io/openslo"]',
          message: expect.stringMatching(
            /^gogidix\.io\/openslo points outside the component's repository \(.+\); keep the OpenSLO document in the component's own repository$/,
          ),
        },
      ]);
      expect(JSON.stringify(problems)).not.toContain(demoDir);
    },
  );

  it.each([
    ['../listings-service/slo/openslo.yaml'],
    ['../../../no-such-folder/openslo.yaml'],
    ['/etc/passwd'],
  ])(
    'keeps a document of a catalog file on disk beside or below it: refuses %s',
    async openslo => {
      const { documents } = reader();
      const { slos, problems } = await documents.read(
        component(
          openslo,
          `file:${join(demoDir, 'media-service', 'catalog-info.yaml')}`,
        ),
      );
      expect(slos).toEqual([]);
      expect(problems).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(
            /^gogidix\.io\/openslo points outside the catalog file's folder; keep the OpenSLO document beside or below catalog-info\.yaml$/,
          ),
        }),
      ]);
      expect(JSON.stringify(problems)).not.toContain(demoDir);
    },
  );

  it('reads a document beside a catalog file on disk', async () => {
    const { documents } = reader();
    const { slos, problems } = await documents.read(
      component('./slo/openslo.yaml', DEMO_LOCATION),
    );
    expect(problems).toEqual([]);
    expect(slos.map(s => s.id)).toEqual([
      'listings-service-availability',
      'listings-service-latency',
    ]);
  });
});
