import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { baseAnswers, templateAnswers } from './__testUtils__/answers';
import {
  loadTemplate,
  startScaffolder,
  templateDirectoryContents,
} from './__testUtils__/templates';

jest.setTimeout(120_000);

/**
 * The user is a member of listings only: the permission that names a new
 * service's owner is allowed for that team alone, as the role policy
 * decides it for a developer (see the policy's tests).
 */
const permissions = mockServices.permissions.mock({
  authorize: async requests =>
    requests.map(r => ({
      result:
        r.permission.name !== 'scaffolder.service.owner.assign' ||
        ('resourceRef' in r && r.resourceRef === 'group:default/listings')
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    })),
  authorizeConditional: async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
});

describe("a new service's owner", () => {
  let server: Awaited<ReturnType<typeof startScaffolder>>['server'];
  beforeAll(async () => {
    ({ server } = await startScaffolder({}, [permissions.factory]));
  });

  const dryRun = (owner: string) =>
    request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({
        template: loadTemplate('typescript-service'),
        values: {
          ...baseAnswers,
          ...templateAnswers['typescript-service'],
          owner,
        },
        directoryContents: templateDirectoryContents('typescript-service'),
      });

  it('must be a team of the user, even through the API', async () => {
    const res = await dryRun('group:default/ai');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /owner: you are not a member or manager of group:default\/ai; pick one of your teams/,
    );
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'scaffolder.service.owner.assign',
          }),
          resourceRef: 'group:default/ai',
        },
      ],
      expect.anything(),
    );
  });

  it("may be the user's own team", async () => {
    const res = await dryRun('group:default/listings');
    expect(res.status).toBe(200);
  });

  it('is listed with the scaffolder permissions a policy can name', async () => {
    const res = await request(server)
      .get('/api/scaffolder/.well-known/backstage/permissions/metadata')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(res.body.permissions).toContainEqual(
      expect.objectContaining({
        name: 'scaffolder.service.owner.assign',
        resourceType: 'catalog-entity',
      }),
    );
  });
});
