import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { baseAnswers, templateAnswers } from '../__testUtils__/answers';
import {
  loadTemplate,
  startScaffolder,
  templateDirectoryContents,
} from '../__testUtils__/templates';
import { jsonDepth } from './templateValuesDepth';

jest.setTimeout(120_000);

const nested = (levels: number) =>
  `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe('jsonDepth', () => {
  it.each([
    ['a scalar', 'x', 0],
    ['null', null, 0],
    ['an empty object', {}, 1],
    ['a flat answer set', { name: 'a', environments: ['dev'] }, 2],
    ['nested lists', JSON.parse(nested(5)), 5],
    ['the deepest branch', { a: 1, b: { c: [{ d: 1 }] } }, 4],
  ])('%s', (_, value, depth) => {
    expect(jsonDepth(value, 100)).toBe(depth);
  });

  it('stops counting past the limit, without recursion', () => {
    expect(jsonDepth(JSON.parse(nested(200_000)), 32)).toBe(33);
  });
});

describe('template answers nested too deeply', () => {
  let server: Awaited<ReturnType<typeof startScaffolder>>['server'];
  beforeAll(async () => {
    ({ server } = await startScaffolder());
  });

  const answers = JSON.stringify({
    ...baseAnswers,
    ...templateAnswers['typescript-service'],
  });
  // The answers with one more, nested `levels` deep, as raw JSON.
  const withNested = (levels: number) =>
    `${answers.slice(0, -1)},"extra":${nested(levels)}}`;
  const post = (url: string, body: string) =>
    request(server)
      .post(`/api/scaffolder/v2/${url}`)
      .set('Authorization', mockCredentials.user.header())
      .set('content-type', 'application/json')
      .send(body);

  it.each([20_000, 33])('refuse a dry run %s deep with a 400', async levels => {
    const res = await post(
      'dry-run',
      `{"template":${JSON.stringify(
        loadTemplate('typescript-service'),
      )},"values":${withNested(levels)},"directoryContents":${JSON.stringify(
        templateDirectoryContents('typescript-service'),
      )}}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/^values: .* deeper than 32 levels/),
    });
  });

  it('refuse a task 20,000 deep with a 400', async () => {
    const res = await post(
      'tasks',
      `{"templateRef":"template:default/typescript-service","values":${withNested(
        20_000,
      )}}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^values: /);
  });

  it('let ordinary answers through to the scaffolder', async () => {
    const res = await post(
      'tasks',
      `{"templateRef":"template:default/typescript-service","values":${withNested(
        10,
      )}}`,
    );
    // The test catalog holds no templates: the scaffolder itself answered.
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/Template .* not found/);
  });
});
