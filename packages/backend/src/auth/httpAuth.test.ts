import { authServiceFactory } from '@backstage/backend-defaults/auth';
import {
  ServiceFactoryTester,
  mockServices,
} from '@backstage/backend-test-utils';
import { Request } from 'express';
import { randomBytes } from 'node:crypto';
import { portalHttpAuthServiceFactory } from './httpAuth';

const token = randomBytes(24).toString('hex');

function request(bearer: string): Request {
  return { headers: { authorization: `Bearer ${bearer}` } } as Request;
}

async function httpAuthFor(pluginId: string, cacheConfig: object) {
  const tester = ServiceFactoryTester.from(portalHttpAuthServiceFactory, {
    dependencies: [
      authServiceFactory,
      mockServices.discovery.factory(),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            auth: {
              externalAccess: [
                { type: 'static', options: { token, subject: 'ci-client' } },
              ],
            },
          },
          gogidix: { auth: { verifiedTokenCache: cacheConfig } },
        },
      }),
    ],
  });
  return tester.getSubject(pluginId);
}

describe('portalHttpAuthServiceFactory', () => {
  it("reuses a token's verification across requests", async () => {
    const httpAuth = await httpAuthFor('catalog', {});
    const first = await httpAuth.credentials(request(token));
    const second = await httpAuth.credentials(request(token));
    expect(first.principal).toMatchObject({
      type: 'service',
      subject: 'ci-client',
    });
    expect(second).toBe(first);
  });

  it('verifies every request when the cache is off', async () => {
    const httpAuth = await httpAuthFor('catalog', { enabled: false });
    const first = await httpAuth.credentials(request(token));
    const second = await httpAuth.credentials(request(token));
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
  });

  it('refuses a wrong token with the cache on', async () => {
    const httpAuth = await httpAuthFor('catalog', {});
    await httpAuth.credentials(request(token));
    await expect(
      httpAuth.credentials(request(`${token.slice(0, -1)}x`)),
    ).rejects.toMatchObject({ name: 'AuthenticationError' });
  });
});
