import { redactUrl, storableMeta, targetOf, MAX_META_CHARS } from './redaction';

const JWT =
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyOmRlZmF1bHQvamFuZSJ9.c2lnbmF0dXJlLXBhcnQ';

describe('storableMeta', () => {
  it.each([
    [
      'a token field',
      { authorizationToken: 'abc' },
      { authorizationToken: '[redacted]' },
    ],
    [
      'a nested secret',
      { values: { dbPassword: 'p4ss', name: 'svc' } },
      { values: { dbPassword: '[redacted]', name: 'svc' } },
    ],
    ['a cookie', { cookie: 's=1' }, { cookie: '[redacted]' }],
    [
      'an API key in a list',
      { hooks: [{ apiKey: 'k' }] },
      { hooks: [{ apiKey: '[redacted]' }] },
    ],
    [
      'a bearer token in text',
      { note: `sent Bearer ${JWT}` },
      { note: 'sent Bearer [redacted]' },
    ],
    ['a bare JWT', { value: JWT }, { value: '[redacted]' }],
    [
      'credentials in a URL',
      { location: { target: 'https://bob:hunter2@git.example/x.yaml' } },
      { location: { target: 'https://[redacted]@git.example/x.yaml' } },
    ],
    [
      'plain fields',
      { entityRef: 'component:default/listings-service', dryRun: false, n: 3 },
      { entityRef: 'component:default/listings-service', dryRun: false, n: 3 },
    ],
  ])('removes %s', (_name, meta, stored) => {
    expect(storableMeta(meta)).toEqual(stored);
  });

  it('keeps no meta for an empty object and bounds a huge one', () => {
    expect(storableMeta({})).toBeUndefined();
    const long = storableMeta({ body: 'x'.repeat(MAX_META_CHARS) });
    expect(String(long?.body).length).toBeLessThan(2_100);
    const many = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`k${i}`, 'x'.repeat(1_500)]),
    );
    expect(storableMeta(many)).toMatchObject({
      truncated: true,
      keys: Object.keys(many),
    });
  });
});

describe('redactUrl', () => {
  it.each([
    [
      '/api/catalog/entities?filter=kind=user',
      '/api/catalog/entities?filter=kind%3Duser',
    ],
    [
      '/api/x?token=abc&team=payments',
      '/api/x?token=%5Bredacted%5D&team=payments',
    ],
    [
      '/api/auth/oidc/handler/frame?code=1&state=2&session_state=3',
      '/api/auth/oidc/handler/frame?code=%5Bredacted%5D&state=2&session_state=%5Bredacted%5D',
    ],
    ['/api/cost/imports', '/api/cost/imports'],
  ])('%s', (url, stored) => {
    expect(redactUrl(url)).toBe(stored);
  });
});

describe('targetOf', () => {
  it.each([
    [{ entityRef: 'component:default/a' }, 'component:default/a'],
    [
      {
        templateRef: 'template:default/typescript-service',
        actionType: 'create',
      },
      'template:default/typescript-service',
    ],
    [
      {
        actionType: 'create',
        location: { type: 'url', target: 'https://x/y.yaml' },
      },
      'https://x/y.yaml',
    ],
    [{ actionType: 'cancel', taskId: 't1' }, 'task:t1'],
    [{ actionType: 'delete', id: 'l1' }, 'id:l1'],
    [{ resourceRef: 'group:default/payments' }, 'group:default/payments'],
    [{ actionType: 'list' }, undefined],
    [undefined, undefined],
  ])('%j is on %s', (meta, target) => {
    expect(targetOf(meta)).toBe(target);
  });
});
