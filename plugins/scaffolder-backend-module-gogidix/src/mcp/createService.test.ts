import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { baseAnswers, templateAnswers } from '../__testUtils__/answers';
import { catalogTemplate, startScaffolder } from '../__testUtils__/templates';

const jane = 'user:default/jane';
const joe = 'user:default/joe';
const templateRef = 'template:default/typescript-service';
const values = {
  ...baseAnswers,
  ...templateAnswers['typescript-service'],
  name: 'listing-photos',
  owner: 'group:default/listings',
};

/** Jane is in listings; Joe is in no team. */
const permissions = mockServices.permissions.mock({
  authorize: async (requests, { credentials }) =>
    requests.map(r => {
      const principal = credentials.principal as {
        type: string;
        userEntityRef?: string;
      };
      // The permission framework allows service principals before any policy.
      const refused =
        r.permission.name === 'scaffolder.service.owner.assign' &&
        principal.type === 'user' &&
        principal.userEntityRef !== jane;
      return {
        result: refused ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
      };
    }),
  // The scaffolder filters template steps and parameters with these.
  authorizeConditional: async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
});

describe('the create-service action', () => {
  jest.setTimeout(180_000);
  let backend: Awaited<ReturnType<typeof startScaffolder>>;

  beforeAll(async () => {
    backend = await startScaffolder(
      {},
      [permissions.factory],
      [catalogTemplate('typescript-service')],
    );
  });
  afterAll(() => backend.stop());

  const invoke = (user: string, input: Record<string, unknown>) =>
    request(backend.server)
      .post(
        '/api/scaffolder/.backstage/actions/v1/actions/scaffolder:create-service/invoke',
      )
      .set('Authorization', mockCredentials.user.header(user))
      .send({ templateRef, values, ...input });

  const dryRun = async (user = jane) => {
    const res = await invoke(user, { dryRun: true });
    expect(`${res.status} ${res.text.slice(0, 500)}`).toMatch(/^200/);
    return res.body.output;
  };

  it("dry-runs the template's steps, listing the files it would write, with a confirmation", async () => {
    const output = await dryRun();
    expect(output).toMatchObject({
      dryRun: true,
      templateRef,
      confirmation: { token: expect.any(String) },
    });
    const paths = output.files.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'catalog-info.yaml',
        'slo/openslo.yaml',
        'deploy/helm/listing-photos/Chart.yaml',
      ]),
    );
    expect(output.steps.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(['check', 'skeleton', 'validate']),
    );
    expect(output.summary).toContain(output.confirmation.token);
  });

  it.each([
    [
      'without a dry run',
      jane,
      undefined,
      values,
      400,
      /needs a dry run first/,
    ],
    [
      'with a made-up confirmation',
      jane,
      'made-up',
      values,
      400,
      /no such confirmation/,
    ],
    [
      "with another person's confirmation",
      joe,
      'dry',
      values,
      403,
      /issued to someone else/,
    ],
    [
      'with other answers than the dry run',
      jane,
      'dry',
      { ...values, description: 'Something else entirely' },
      400,
      /input differs/,
    ],
  ])(
    'refuses the run %s, starting no task',
    async (_, user, confirm, answers, status, message) => {
      const dry = await dryRun();
      const res = await invoke(user, {
        values: answers,
        dryRun: false,
        confirm: confirm === 'dry' ? dry.confirmation.token : confirm,
      });
      expect(res.status).toBe(status);
      expect(res.body.error.message).toMatch(message);
      const tasks = await request(backend.server)
        .get('/api/scaffolder/v2/tasks')
        .set('Authorization', mockCredentials.user.header(jane));
      expect(tasks.status).toBe(200);
      expect(tasks.body.tasks).toEqual([]);
    },
  );

  it.each([
    [
      'an owner that is not a team of the person',
      joe,
      {},
      /owner: you are not a member or manager of group:default\/listings/,
    ],
    [
      'a name taken in the catalog',
      jane,
      { name: 'listings-service' },
      /name: component:default\/listings-service is already in the catalog/,
    ],
    ['answers the form refuses', jane, { name: 'Not A Name' }, /values.name/],
    [
      'answers without a name, as the form schema does',
      jane,
      { name: undefined },
      /values: requires property "name"/,
    ],
    [
      'an owner that is no ref',
      jane,
      { owner: 'group:' },
      /values.owner or values.system: /,
    ],
    [
      'a template that does not exist',
      jane,
      { templateRef: 'template:default/nope' },
      /no template template:default\/nope/,
    ],
    [
      'a ref that is no template',
      jane,
      { templateRef: 'component:default/listings-service' },
      /is not a template ref/,
    ],
  ])(
    'refuses in the dry run %s, with no confirmation',
    async (_, user, change, message) => {
      const { templateRef: ref, ...answers } = change as Record<
        string,
        unknown
      >;
      const res = await invoke(user, {
        dryRun: true,
        ...(ref ? { templateRef: ref } : {}),
        values: { ...values, ...answers },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.body.error.message).toMatch(message);
    },
  );
});
