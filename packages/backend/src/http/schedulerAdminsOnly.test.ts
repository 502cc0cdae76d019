import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import {
  schedulerAdminsOnly,
  schedulerManagePermission,
} from './schedulerAdminsOnly';

/** A plugin router with a scheduler route behind the guard. */
function app(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(async requests => requests.map(() => ({ result }))),
  });
  const router = express.Router();
  router.use(
    '/.backstage/scheduler',
    schedulerAdminsOnly(mockServices.httpAuth(), permissions),
  );
  router.get('/.backstage/scheduler/v1/tasks', (_req, res) =>
    res.json({ tasks: [] }),
  );
  router.get('/other', (_req, res) => res.json({ ok: true }));
  const server = express();
  server.use(router);
  server.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return { server, permissions };
}

describe('schedulerAdminsOnly', () => {
  it('lets a person holding the permission read the tasks', async () => {
    const { server, permissions } = app(AuthorizeResult.ALLOW);
    const res = await request(server)
      .get('/.backstage/scheduler/v1/tasks')
      .set('authorization', mockCredentials.user.header('user:default/priya'));
    expect(res.status).toBe(200);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission: schedulerManagePermission }],
      expect.anything(),
    );
  });

  it('refuses a person without it, naming who may', async () => {
    const res = await request(app(AuthorizeResult.DENY).server)
      .get('/.backstage/scheduler/v1/tasks')
      .set('authorization', mockCredentials.user.header('user:default/jane'));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      "Only platform admins may read or run a plugin's scheduled tasks",
    );
  });

  it('refuses a service token even where the policy would allow', async () => {
    const res = await request(app(AuthorizeResult.ALLOW).server)
      .get('/.backstage/scheduler/v1/tasks')
      .set('authorization', mockCredentials.service.header());
    expect(res.status).toBe(403);
  });

  it("leaves the plugin's other routes alone", async () => {
    const res = await request(app(AuthorizeResult.DENY).server)
      .get('/other')
      .set('authorization', mockCredentials.user.header('user:default/jane'));
    expect(res.status).toBe(200);
  });
});
