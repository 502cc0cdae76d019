import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
  createProxyAuthenticator,
} from '@backstage/plugin-auth-node';
import { Server } from 'node:http';
import request from 'supertest';

/**
 * Tests only: an auth provider (`test-users`) that signs in the catalog user
 * named in `?user=`, through the same catalog sign-in as OIDC, so the token
 * carries the ownership claims the real resolver puts in it.
 */
export const testUserSignIn = createBackendModule({
  pluginId: 'auth',
  moduleId: 'test-users',
  register(env) {
    env.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'test-users',
          factory: createProxyAuthProviderFactory({
            authenticator: createProxyAuthenticator({
              defaultProfileTransform: async () => ({ profile: {} }),
              initialize: () => undefined,
              authenticate: async ({ req }) => ({
                result: { user: String(req.query.user) },
              }),
            }),
            signInResolver: async ({ result }, ctx) =>
              ctx.signInWithCatalogUser({ entityRef: result.user }),
          }),
        });
      },
    });
  },
});

/** Config that enables the provider. */
export const testUserSignInConfig = { 'test-users': {} };

/**
 * A Backstage token for the user, as their browser would hold it. Waits
 * (up to `timeoutMs`) for the catalog to have the user.
 */
export async function signInAs(
  server: Server | string,
  userRef: string,
  timeoutMs = 0,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await request(server)
      .get('/api/auth/test-users/refresh')
      .query({ user: userRef });
    if (res.status === 200) {
      return res.body.backstageIdentity.token;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Sign-in as ${userRef} failed: ${res.status} ${res.text}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}
