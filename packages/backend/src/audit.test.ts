import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import catalogBackend from '@backstage/plugin-catalog-backend';
import catalogBackendModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderBackend from '@backstage/plugin-scaffolder-backend';
import auditBackend, {
  auditorServiceFactory,
} from '@gogidix/plugin-audit-backend';
import { AuditEvent } from '@gogidix/plugin-audit-common';
import catalogBackendModuleLocalFiles from '@gogidix/plugin-catalog-backend-module-local-files';
import costBackend from '@gogidix/plugin-cost-backend';
import scaffolderBackendModuleGogidix, {
  localGitUrlReaderFactory,
} from '@gogidix/plugin-scaffolder-backend-module-gogidix';
import Router from 'express-promise-router';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { appCatalogConfig, repoRoot } from './__testUtils__/appConfig';

jest.setTimeout(180_000);

const jane = mockCredentials.user.header('user:default/jane.doe');

/**
 * Stands in for the role policy: answers a check with a denial and records
 * it through the auditor the way the policy does.
 */
const policyProbe = createBackendPlugin({
  pluginId: 'policy-probe',
  register(env) {
    env.registerInit({
      deps: {
        auditor: coreServices.auditor,
        httpRouter: coreServices.httpRouter,
      },
      async init({ auditor, httpRouter }) {
        const router = Router();
        router.post('/check', async (req, res) => {
          const event = await auditor.createEvent({
            eventId: 'permission-denied',
            severityLevel: 'medium',
            request: req,
            meta: {
              permission: 'audit.event.read',
              resourceRef: 'audit:trail',
            },
          });
          await event.fail({
            error: new NotAllowedError('Only platform admins may read it'),
          });
          res.status(403).json({ result: 'DENY' });
        });
        httpRouter.use(router);
      },
    });
  },
});

const focusCsv = [
  'BilledCost,BillingAccountId,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargeCategory,ChargePeriodStart,ChargePeriodEnd,EffectiveCost,ServiceCategory,ServiceName,ResourceId,Tags',
  '10,acct-1,EUR,2026-10-01T00:00:00Z,2026-11-01T00:00:00Z,Usage,2026-10-14T00:00:00Z,2026-10-15T00:00:00Z,9,Compute,EC2,i-1,"{""service"":""listings-service""}"',
].join('\n');

describe('the audit trail of the portal backend', () => {
  it('stores scaffolder runs, catalog registrations, cost imports and permission denials', async () => {
    const gitRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-git-'));
    // A repository host serving the catalog file that a user registers.
    const host = http.createServer((_req, res) => {
      res.setHeader('content-type', 'text/yaml');
      res.end(
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: audited-service\nspec:\n  type: service\n  lifecycle: experimental\n  owner: platform\n',
      );
    });
    await new Promise<void>(resolve => host.listen(0, '127.0.0.1', resolve));
    const hostPort = (host.address() as AddressInfo).port;
    const catalogFile = `http://127.0.0.1:${hostPort}/catalog-info.yaml`;
    const templateFile = path.join(
      repoRoot,
      'templates/typescript-service/template.yaml',
    );
    const backend = await startTestBackend({
      features: [
        catalogBackend,
        catalogBackendModuleScaffolderEntityModel,
        catalogBackendModuleLocalFiles,
        scaffolderBackend,
        scaffolderBackendModuleGogidix,
        // The catalog reads the published service back from the local git.
        localGitUrlReaderFactory,
        costBackend,
        auditBackend,
        auditorServiceFactory,
        policyProbe,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://portal.test' },
            backend: {
              baseUrl: 'http://localhost:7007',
              reading: { allow: [{ host: `127.0.0.1:${hostPort}` }] },
            },
            catalog: {
              ...appCatalogConfig(),
              // The template and the teams and systems its form checks.
              locations: [
                templateFile,
                'demo/org/groups.yaml',
                'demo/systems.yaml',
              ].map(target => ({
                type: 'file',
                target: path.resolve(repoRoot, target),
              })),
            },
            cost: { demo: false },
            gogidix: {
              localGit: { root: gitRoot, baseUrl: 'https://git.portal.test' },
              platform: {
                libraryChart: path.join(repoRoot, 'infra/helm/gogidix-service'),
              },
            },
            scaffolder: {
              defaultEnvironment: { parameters: { publishTarget: 'local' } },
            },
          },
        }),
      ],
    });
    const { server } = backend;
    const api = {
      get: (url: string) => request(server).get(url).set('Authorization', jane),
      post: (url: string) =>
        request(server).post(url).set('Authorization', jane),
      delete: (url: string) =>
        request(server).delete(url).set('Authorization', jane),
    };
    async function until<T>(what: string, probe: () => Promise<T | undefined>) {
      for (let attempt = 0; attempt < 240; attempt++) {
        const found = await probe();
        if (found !== undefined) return found;
        await new Promise(resolve => setTimeout(resolve, 250));
      }
      throw new Error(`Timed out waiting for ${what}`);
    }
    const stored = (
      predicate: (e: AuditEvent) => boolean,
      what: string,
    ): Promise<AuditEvent> =>
      until(what, async () => {
        const res = await api.get('/api/audit/events?limit=500');
        expect(res.status).toBe(200);
        return (res.body.items as AuditEvent[]).find(predicate);
      });

    try {
      // A catalog registration (and, at the end, its unregistration).
      const registered = await api
        .post('/api/catalog/locations')
        .send({ type: 'url', target: catalogFile });
      expect(`${registered.status} ${registered.text}`).toMatch(/^201/);
      const locationId = registered.body.location.id;

      // A scaffolder run of the golden path template.
      const templateRef = 'template:default/typescript-service';
      for (const ref of [
        'template/default/typescript-service',
        'group/default/listings',
        'system/default/property-marketplace',
      ]) {
        await until(ref, async () => {
          const res = await api.get(`/api/catalog/entities/by-name/${ref}`);
          return res.status === 200 ? true : undefined;
        });
      }
      const answers = JSON.parse(
        fs.readFileSync(
          path.join(repoRoot, 'templates/_shared/example-answers.json'),
          'utf8',
        ),
      );
      const task = await api.post('/api/scaffolder/v2/tasks').send({
        templateRef,
        values: { ...answers, language: 'typescript', nodeVersion: '22' },
      });
      expect(task.status).toBe(201);

      const imported = await api
        .post('/api/cost/imports?source=october-focus.csv')
        .set('content-type', 'text/csv')
        .send(focusCsv);
      expect(imported.status).toBe(201);

      expect((await api.post('/api/policy-probe/check')).status).toBe(403);

      expect(
        (await api.delete(`/api/catalog/locations/${locationId}`)).status,
      ).toBe(204);

      const actor = 'user:default/jane.doe';
      const common = {
        actor,
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      };
      expect(
        await stored(
          e =>
            e.eventId === 'location-mutate' &&
            e.meta?.actionType === 'create' &&
            e.outcome !== 'initiated',
          'the registration',
        ),
      ).toMatchObject({
        ...common,
        plugin: 'catalog',
        target: catalogFile,
        outcome: 'succeeded',
      });
      expect(
        await stored(
          e =>
            e.eventId === 'location-mutate' &&
            e.meta?.actionType === 'delete' &&
            e.outcome !== 'initiated',
          'the unregistration',
        ),
      ).toMatchObject({
        ...common,
        plugin: 'catalog',
        target: `id:${locationId}`,
        outcome: 'succeeded',
      });
      expect(
        await stored(
          e => e.eventId === 'task' && e.meta?.actionType === 'create',
          'the task creation',
        ),
      ).toMatchObject({
        ...common,
        plugin: 'scaffolder',
        // The service it creates; the template is the context.
        target: 'component:default/listing-photos',
        outcome: 'succeeded',
        meta: { templateRef },
      });
      // The run itself, done by the task worker for the user who asked.
      const run = await stored(
        e =>
          e.eventId === 'task' &&
          e.meta?.actionType === 'execution' &&
          e.outcome !== 'initiated',
        'the task run',
      );
      expect({ ...run, error: run.error ?? '' }).toMatchObject({
        ...common,
        error: '',
        plugin: 'scaffolder',
        target: 'component:default/listing-photos',
        outcome: 'succeeded',
        meta: { templateRef },
      });
      expect(
        await stored(
          e => e.eventId === 'cost-import' && e.outcome !== 'initiated',
          'the cost import',
        ),
      ).toMatchObject({
        ...common,
        plugin: 'cost',
        target: 'october-focus.csv',
        outcome: 'succeeded',
        meta: { rows: 1 },
      });
      expect(
        await stored(
          e => e.eventId === 'permission-denied' && e.outcome !== 'initiated',
          'the permission denial',
        ),
      ).toMatchObject({
        ...common,
        plugin: 'policy-probe',
        target: 'audit:trail',
        outcome: 'failed',
        error: 'Only platform admins may read it',
      });

      // Part of the name finds the person's events.
      const byName = await api.get('/api/audit/events?actor=JANE&limit=500');
      expect(byName.status).toBe(200);
      const actors = new Set(
        (byName.body.items as AuditEvent[]).map(e => e.actor),
      );
      expect([...actors]).toEqual([actor]);
    } finally {
      await backend.stop();
      host.close();
      fs.rmSync(gitRoot, { recursive: true, force: true });
    }
  });
});
