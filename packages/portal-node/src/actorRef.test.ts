import { mockCredentials } from '@backstage/backend-test-utils';
import { actorRef } from './actorRef';

describe('actorRef', () => {
  it.each([
    [mockCredentials.user('user:default/jane'), 'user:default/jane'],
    [
      mockCredentials.user('user:default/jane', {
        actor: { subject: 'plugin:catalog' },
      }),
      'user:default/jane',
    ],
    [mockCredentials.service('plugin:catalog'), 'service:plugin:catalog'],
    [mockCredentials.service('external:ci'), 'service:external:ci'],
    [mockCredentials.none(), 'none'],
  ])('names the caller of %j as %j', (credentials, ref) => {
    expect(actorRef(credentials)).toBe(ref);
  });
});
