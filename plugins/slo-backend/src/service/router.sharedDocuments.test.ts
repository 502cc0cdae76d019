import { mockCredentials } from '@backstage/backend-test-utils';
import { portalTestDatabases } from '@gogidix/test-kit';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  component,
  ScriptedSource,
  sloTestApp,
} from '../__testUtils__/routerApp';
import { SloLinks } from './links';

/**
 * One OpenSLO SLO document, written for these tests from the OpenSLO v1
 * spec (kind SLO, inline ratio indicator), in the `{{.window}}` form.
 */
const sloDocument = (service: string, name: string, target: number) => `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
  displayName: ${service} ${name}
spec:
  service: ${service}
  indicator:
    metadata:
      name: ${service}-${name}
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total{service="${service}",code!~"5.."}[{{.window}}]))
        total:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total{service="${service}"}[{{.window}}]))
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: ${name}
      target: ${target}
`;

const user = { Authorization: mockCredentials.user.header() };
const now = new Date('2026-11-20T10:00:00Z');

describe('SLO router, components sharing one OpenSLO document', () => {
  const databases = portalTestDatabases();
  let repo: string;

  beforeEach(async () => {
    // A monorepo: one catalog file describes two components, and both name
    // the same multi-document OpenSLO file.
    repo = await mkdtemp(join(tmpdir(), 'slo-shared-'));
    await mkdir(join(repo, 'slo'));
    await writeFile(join(repo, 'catalog-info.yaml'), '# two components\n');
    await writeFile(
      join(repo, 'slo', 'openslo.yaml'),
      [
        sloDocument('checkout-api', 'availability', 0.999),
        sloDocument('checkout-worker', 'availability', 0.99),
        sloDocument('checkout', 'latency', 0.95),
      ].join('---\n'),
    );
  });
  afterEach(() => rm(repo, { recursive: true, force: true }));

  async function sharedApp() {
    const catalogFile = join(repo, 'catalog-info.yaml');
    const built = await sloTestApp({
      knex: await databases.init('SQLITE_3'),
      sli: { kind: 'prometheus', source: new ScriptedSource() },
      entities: [
        component(
          'checkout-api',
          './slo/openslo.yaml',
          'checkout',
          catalogFile,
        ),
        component(
          'checkout-worker',
          './slo/openslo.yaml',
          'checkout',
          catalogFile,
        ),
      ],
      links: new SloLinks('http://portal.test', undefined),
      now: () => now,
    });
    await built.service.refreshDefinitions();
    await built.service.evaluateAll(new Date('2026-11-20T09:00:00Z'));
    return built.app;
  }

  it('gives each SLO to the component its spec.service names, whichever was read last', async () => {
    const app = await sharedApp();
    const summary = await request(app).get('/summary').set(user);
    expect(summary.status).toBe(200);
    expect(
      summary.body.slos.map((s: { sloId: string; entityRef: string }) => [
        s.sloId,
        s.entityRef,
      ]),
    ).toEqual([
      ['checkout-api-availability', 'component:default/checkout-api'],
      ['checkout-worker-availability', 'component:default/checkout-worker'],
    ]);

    for (const name of ['checkout-api', 'checkout-worker']) {
      const status = await request(app)
        .get(`/entities/component/default/${name}/status`)
        .set(user);
      expect(status.status).toBe(200);
      expect(
        status.body.slos.map((s: { slo: { id: string } }) => s.slo.id),
      ).toEqual([`${name}-availability`]);
      // The SLO that names neither component is shown as a problem of both.
      expect(status.body.problems).toEqual([
        {
          source: './slo/openslo.yaml',
          path: 'spec.service',
          message:
            'SLO "latency" names service "checkout", which is none of the components sharing this document (checkout-api, checkout-worker); set spec.service to the name of the component it belongs to',
        },
      ]);
    }
  });

  it('keeps every SLO of a document that one component alone names', async () => {
    const built = await sloTestApp({
      knex: await databases.init('SQLITE_3'),
      sli: { kind: 'prometheus', source: new ScriptedSource() },
      entities: [
        component(
          'checkout-api',
          './slo/openslo.yaml',
          'checkout',
          join(repo, 'catalog-info.yaml'),
        ),
      ],
      links: new SloLinks('http://portal.test', undefined),
      now: () => now,
    });
    await built.service.refreshDefinitions();
    const status = await request(built.app)
      .get('/entities/component/default/checkout-api/status')
      .set(user);
    expect(
      status.body.slos.map((s: { slo: { id: string } }) => s.slo.id),
    ).toEqual([
      'checkout-api-availability',
      'checkout-worker-availability',
      'checkout-latency',
    ]);
    expect(status.body.problems).toEqual([]);
  });
});
