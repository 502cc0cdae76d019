import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogBackend from '@backstage/plugin-catalog-backend';
import auditBackend, {
  auditorServiceFactory,
} from '@gogidix/plugin-audit-backend';
import { AuditEvent } from '@gogidix/plugin-audit-common';
import catalogBackendModuleLocalFiles from '@gogidix/plugin-catalog-backend-module-local-files';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { repoRoot } from './__testUtils__/appConfig';

jest.setTimeout(180_000);

const jane = mockCredentials.user.header('user:default/jane.doe');

/** What a developer's repository serves: a label that is not a valid label. */
const LABEL_FILE = 'Deploy key: AKIA-T18-NOT-A-LABEL\n';

/** Values of this process's environment worth stealing (long enough to matter). */
const environValues = fs
  .readFileSync('/proc/self/environ', 'utf8')
  .split('\0')
  .map(entry => entry.slice(entry.indexOf('=') + 1))
  .filter(value => value.length >= 12);
const hostname = fs.readFileSync('/etc/hostname', 'utf8').trim();

const component = (extra: {
  annotations?: Record<string, string>;
  labels?: Record<string, unknown>;
  kind?: string;
}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: extra.kind ?? 'Component',
  metadata: {
    name: 'probe',
    annotations: extra.annotations ?? {},
    labels: extra.labels ?? {},
  },
  spec: { type: 'service', lifecycle: 'experimental', owner: 'listings' },
});

describe('POST /api/catalog/validate-entity', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let host: http.Server;
  let location: string;

  beforeAll(async () => {
    host = http.createServer((req, res) => {
      if (req.url === '/team/repo/label.txt') {
        res.end(LABEL_FILE);
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>(resolve => host.listen(0, '127.0.0.1', resolve));
    const port = (host.address() as AddressInfo).port;
    location = `url:http://127.0.0.1:${port}/team/repo/catalog-info.yaml`;
    backend = await startTestBackend({
      features: [
        catalogBackend,
        catalogBackendModuleLocalFiles,
        auditBackend,
        auditorServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: {
              baseUrl: 'http://localhost:7007',
              reading: { allow: [{ host: `127.0.0.1:${port}` }] },
            },
            catalog: {
              rules: [{ allow: ['Component', 'API', 'Location'] }],
              // One demo service, whose APIs read their definitions with
              // `$text: ./openapi/...`.
              locations: [
                {
                  type: 'file',
                  target: path.join(
                    repoRoot,
                    'demo/services/listings-service/catalog-info.yaml',
                  ),
                },
              ],
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    host?.close();
  });

  const validate = (body: object) =>
    request(backend.server)
      .post('/api/catalog/validate-entity')
      .set('Authorization', jane)
      .send(body);

  it.each([
    ['/etc/hostname', 'file:/etc/catalog-info.yaml', './hostname'],
    ['/proc/self/environ', 'file:/proc/self/catalog-info.yaml', './environ'],
    ['an absolute path', 'file:/etc/catalog-info.yaml', '/etc/hostname'],
    ['..', 'file:/etc/ssl/catalog-info.yaml', '../hostname'],
  ])(
    'does not read %s for an entity that names its own file location',
    async (_what, managedBy, reference) => {
      const res = await validate({
        location,
        entity: component({
          annotations: { 'backstage.io/managed-by-location': managedBy },
          labels: { leak: { $text: reference } },
        }),
      });
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/managed-by-location must be absent or equal/);
      expect(res.text).not.toContain(hostname);
      for (const value of environValues) {
        expect(res.text).not.toContain(value);
      }
    },
  );

  it('does not let the origin annotation name another location either', async () => {
    const res = await validate({
      location,
      entity: component({
        annotations: {
          'backstage.io/managed-by-origin-location':
            'url:https://github.com/other-team/private/blob/main/catalog-info.yaml',
        },
      }),
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/managed-by-origin-location must be absent/);
  });

  it('does not read the targets of a Location entity', async () => {
    const res = await validate({
      location,
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Location',
        metadata: { name: 'probe' },
        spec: { type: 'file', target: '/proc/self/environ' },
      },
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/does not read the targets of a Location/);
    for (const value of environValues) {
      expect(res.text).not.toContain(value);
    }
  });

  it('names the invalid field without quoting what a placeholder read', async () => {
    const res = await validate({
      location,
      entity: component({ labels: { owner: { $text: './label.txt' } } }),
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/labels\.owner/);
    expect(res.text).not.toContain('AKIA-T18-NOT-A-LABEL');
  });

  it('validates a valid entity and audits who validated what', async () => {
    const res = await validate({ location, entity: component({}) });
    expect(res.status).toBe(200);

    const refused = await validate({
      location,
      entity: component({
        annotations: {
          'backstage.io/managed-by-location': 'file:/etc/catalog-info.yaml',
        },
      }),
    });
    expect(refused.status).toBe(400);

    // The audit store writes behind the request; poll it by attempts.
    let events: AuditEvent[] = [];
    for (let attempt = 0; attempt < 100; attempt++) {
      const list = await request(backend.server)
        .get('/api/audit/events?eventId=entity-validate&limit=50')
        .set('Authorization', jane);
      events = (list.body.items ?? []) as AuditEvent[];
      if (events.filter(e => e.outcome !== 'initiated').length >= 2) break;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
    const outcomes = events
      .filter(e => e.outcome !== 'initiated')
      .map(e => ({
        plugin: e.plugin,
        actor: e.actor,
        severity: e.severity,
        target: e.target,
        outcome: e.outcome,
      }));
    expect(outcomes).toEqual(
      expect.arrayContaining(
        (['succeeded', 'failed'] as const).map(outcome => ({
          plugin: 'catalog',
          actor: 'user:default/jane.doe',
          severity: 'medium',
          target: 'component:default/probe',
          outcome,
        })),
      ),
    );
  });

  it("still resolves the demo's $text definitions from its own folder", async () => {
    let definition: unknown;
    for (let attempt = 0; attempt < 300 && !definition; attempt++) {
      const res = await request(backend.server)
        .get('/api/catalog/entities/by-name/api/default/listings-api-v1')
        .set('Authorization', jane);
      definition = res.body?.spec?.definition;
      if (!definition) await new Promise(resolve => setTimeout(resolve, 100));
    }
    expect(definition).toEqual(
      fs.readFileSync(
        path.join(
          repoRoot,
          'demo/services/listings-service/openapi/listings-api-v1.yaml',
        ),
        'utf8',
      ),
    );
  });
});
