import { mockCredentials } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { AuditEvent } from '@gogidix/plugin-audit-common';
import {
  auditingPlugin,
  eventually,
  focusCsv,
  focusRow,
  startStandIn,
} from '@gogidix/test-kit';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { repoRoot } from './__testUtils__/appConfig';
import {
  goldenPathConfig,
  startPortalTestBackend,
} from './__testUtils__/portalTestBackend';

jest.setTimeout(180_000);

const jane = mockCredentials.user.header('user:default/jane.doe');

/**
 * Stands in for the role policy: answers a check with a denial and records
 * it through the auditor the way the policy does.
 */
const policyProbe = auditingPlugin({
  pluginId: 'policy-probe',
  path: '/check',
  eventId: 'permission-denied',
  meta: () => ({ permission: 'audit.event.read', resourceRef: 'audit:trail' }),
  refuse: () => new NotAllowedError('Only platform admins may read it'),
});

const octoberBill = focusCsv([focusRow()]);

describe('the audit trail of the portal backend', () => {
  it('stores scaffolder runs, catalog registrations, cost imports and permission denials', async () => {
    const gitRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-git-'));
    // A repository host serving the catalog file that a user registers.
    const host = await startStandIn((_req, res) => {
      res.setHeader('content-type', 'text/yaml');
      res.end(
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: audited-service\nspec:\n  type: service\n  lifecycle: experimental\n  owner: platform\n',
      );
    });
    const catalogFile = `${host.baseUrl}/catalog-info.yaml`;
    const backend = await startPortalTestBackend({
      config: {
        ...goldenPathConfig(gitRoot),
        backend: {
          reading: { allow: [{ host: new URL(host.baseUrl).host }] },
        },
      },
      features: [policyProbe],
      mockCallers: true,
    });
    const server = backend.baseUrl;
    const api = {
      get: (url: string) => request(server).get(url).set('Authorization', jane),
      post: (url: string) =>
        request(server).post(url).set('Authorization', jane),
      delete: (url: string) =>
        request(server).delete(url).set('Authorization', jane),
    };
    const until = <T>(what: string, probe: () => Promise<T | undefined>) =>
      eventually(probe, { what, timeoutMs: 60_000 });
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
        .send(octoberBill);
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
      await host.stop();
      fs.rmSync(gitRoot, { recursive: true, force: true });
    }
  });
});
