import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { previewScorecard } from '@gogidix/plugin-compliance-backend';
import { TrivyStatus } from '@gogidix/plugin-compliance-common';
import { parseOpenSloDocuments } from '@gogidix/plugin-slo-common';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { baseAnswers, templateAnswers } from './__testUtils__/answers';
import { tempDir } from './__testUtils__/context';
import {
  loadTemplate,
  startScaffolder,
  templateDirectoryContents,
} from './__testUtils__/templates';

const NOW = new Date('2026-12-07T09:00:00Z');

/** A clean first scan, as CI uploads it after building the image. */
const firstScan: TrivyStatus = {
  report: {
    entityRef: 'component:default/listing-photos',
    artifactName: 'harbor.gogidix.dev/listings/listing-photos:0.1.0',
    scannedAt: '2026-12-07T08:30:00.000Z',
    counts: { CRITICAL: 0, HIGH: 2, MEDIUM: 3, LOW: 5, UNKNOWN: 0 },
    misconfigurations: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
    secrets: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
    receivedAt: '2026-12-07T08:31:00.000Z',
    source: 'uploaded by user:default/ci',
  },
  rejected: null,
};

/**
 * What a service fresh from a "production-ready" template reaches: the
 * template rendered from form answers by the scaffolder's dry run, its
 * catalog-info.yaml read as the catalog would, and the compliance rules
 * evaluated over it with the same retrievers as a round. The SLO plugin's
 * answer is derived from the generated OpenSLO document (each SLO it reads,
 * with budget left, as a new SLO has).
 */
describe('a service fresh from a template, scored by the compliance rules', () => {
  jest.setTimeout(180_000);
  let backend: Awaited<ReturnType<typeof startScaffolder>>;

  beforeAll(async () => {
    backend = await startScaffolder();
  });
  afterAll(() => backend.stop());

  async function create(template: string, answers: Record<string, unknown>) {
    const res = await request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({
        template: loadTemplate(template),
        values: { ...baseAnswers, ...templateAnswers[template], ...answers },
        directoryContents: templateDirectoryContents(template),
      });
    expect(res.status).toBe(200);
    const dir = tempDir('fresh-service-');
    for (const file of res.body.directoryContents as Array<{
      path: string;
      base64Content: string;
    }>) {
      const target = path.join(dir, file.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, Buffer.from(file.base64Content, 'base64'));
    }
    const catalogFile = path.join(dir, 'catalog-info.yaml');
    const component = parseAllDocuments(fs.readFileSync(catalogFile, 'utf8'))
      .map(d => d.toJS() as Entity)
      .find(e => e.kind === 'Component')!;
    const entity: Entity = {
      ...component,
      metadata: {
        ...component.metadata,
        namespace: 'default',
        annotations: {
          ...component.metadata.annotations,
          'backstage.io/managed-by-location': `file:${catalogFile}`,
        },
      },
    };
    const openslo = parseOpenSloDocuments(
      fs.readFileSync(path.join(dir, 'slo/openslo.yaml'), 'utf8'),
      'slo/openslo.yaml',
    );
    expect(openslo.problems).toEqual([]);
    const slos = openslo.slos.map(() => ({ status: 'ok' }));
    return (trivy: TrivyStatus) =>
      previewScorecard({
        entity,
        urlReader: mockServices.urlReader.mock(),
        trivy,
        slos,
        now: NOW,
      });
  }

  const notMet = (checks: Array<{ checkId: string; status: string }>) =>
    checks.filter(c => c.status !== 'pass').map(c => [c.checkId, c.status]);

  it.each([
    ['typescript-service', { tier: 'tier-2' }],
    ['python-model-service', { tier: 'tier-2' }],
    ['java-service', { tier: 'tier-1', pagerdutyServiceId: 'P4X9QZK' }],
  ])(
    '%s (%j) is Bronze with its scan checks pending, and Gold after a clean first scan',
    async (template, answers) => {
      const score = await create(template, {
        name: 'listing-photos',
        ...answers,
      });

      const fresh = await score({ report: null, rejected: null });
      expect(notMet(fresh.checks)).toEqual([
        ['no-critical-vulnerabilities', 'pending'],
        ['recent-scan', 'pending'],
        ['no-high-vulnerabilities', 'pending'],
      ]);
      expect(fresh.level).toBe('bronze');

      const scanned = await score(firstScan);
      expect(notMet(scanned.checks)).toEqual([]);
      expect(scanned.level).toBe('gold');
    },
  );

  it('stops short of Gold when the mesh is turned off, and says why in words', async () => {
    const score = await create('typescript-service', {
      name: 'listing-photos',
      meshEnabled: false,
    });
    const scanned = await score(firstScan);
    expect(scanned.level).toBe('silver');
    expect(scanned.checks.find(c => c.checkId === 'mtls-strict')).toEqual({
      checkId: 'mtls-strict',
      level: 'gold',
      status: 'fail',
      reason: 'The mesh does not require mutual TLS for its traffic.',
    });
  });
});
