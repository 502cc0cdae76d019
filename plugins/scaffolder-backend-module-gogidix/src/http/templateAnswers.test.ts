import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { baseAnswers, templateAnswers } from '../__testUtils__/answers';
import {
  loadTemplate,
  startScaffolder,
  templateDirectoryContents,
} from '../__testUtils__/templates';
import { findUnsafeAnswer, jsonDepth } from './templateAnswers';

jest.setTimeout(120_000);

const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

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

describe('findUnsafeAnswer', () => {
  it.each([
    ['clean answers', { name: 'svc', environments: ['dev'] }, undefined],
    [
      'a description with a right-to-left override',
      { description: 'Photos \u202eexe.txt' },
      { field: 'values.description', character: 'U+202E' },
    ],
    [
      'a NUL in a list',
      { environments: ['dev', 'prod\u0000'] },
      { field: 'values.environments[1]', character: 'U+0000' },
    ],
    [
      'an isolate in a nested answer',
      { answers: { notes: { text: 'a\u2066b' } } },
      { field: 'values.answers.notes.text', character: 'U+2066' },
    ],
    [
      'a field name with a control character',
      { 'na\u001bme': 'svc' },
      { field: 'values (a field name)', character: 'U+001B' },
    ],
  ])('%s', (_, values, expected) => {
    expect(findUnsafeAnswer(values)).toEqual(expected);
  });
});

describe('template answers the scaffolder would choke on or store as they are', () => {
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

  it.each([
    ['description', '"Stores photos \\u202eexe.txt"', 'U+202E'],
    ['name', '"svc\\u0000"', 'U+0000'],
    ['system', '"system:default/pay\\u2067ments"', 'U+2067'],
  ])(
    'refuse a dry run with a control character in %s, naming it',
    async (field, json, character) => {
      const values = `${answers.slice(0, -1)},"${field}":${json}}`;
      const res = await post(
        'dry-run',
        `{"template":${JSON.stringify(
          loadTemplate('typescript-service'),
        )},"values":${values},"directoryContents":[]}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        `values.${field}: contains the control or bidirectional formatting character ${character}; remove it (answers are single lines of plain text)`,
      );
    },
  );

  it('refuse a task whose description holds a bidi isolate', async () => {
    const res = await post(
      'tasks',
      `{"templateRef":"template:default/typescript-service","values":{"description":"ok \\u2066 not ok"}}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^values\.description: .*U\+2066/);
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
