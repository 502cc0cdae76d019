import { AuthService } from '@backstage/backend-plugin-api';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import {
  ServiceFactoryTester,
  mockServices,
} from '@backstage/backend-test-utils';
import { SignJWT, base64url } from 'jose';
import { randomBytes } from 'node:crypto';
import {
  CachedVerificationAuthService,
  VerifiedTokenCache,
} from './VerifiedTokenCache';

// Backstage's own auth service, as the catalog gets it, accepting external
// callers' HS256 tokens signed with this secret ("legacy" external access)
// and one static token: real tokens, verified by Backstage's real code.
const secret = randomBytes(32);
const staticToken = randomBytes(24).toString('hex');
const config = {
  backend: {
    auth: {
      externalAccess: [
        {
          type: 'legacy',
          options: {
            secret: base64url.encode(secret),
            subject: 'bench-client',
          },
        },
        {
          type: 'static',
          options: { token: staticToken, subject: 'ci-client' },
        },
      ],
    },
  },
};

const start = Date.parse('2026-12-07T12:00:00Z');
const seconds = (n: number) => n * 1000;

async function tokenExpiringIn(expiresInMs: number, key = secret) {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('backstage-server')
    .setIssuedAt(Math.floor(Date.now() / 1000))
    .setExpirationTime(Math.floor((Date.now() + expiresInMs) / 1000))
    .sign(key);
}

describe('VerifiedTokenCache', () => {
  let backstageAuth: AuthService;
  let verifications: jest.SpyInstance;

  beforeAll(async () => {
    const tester = ServiceFactoryTester.from(authServiceFactory, {
      dependencies: [
        mockServices.rootConfig.factory({ data: config }),
        mockServices.discovery.factory(),
      ],
    });
    backstageAuth = await tester.getSubject('catalog');
  });

  beforeEach(() => {
    // Only the wall clock is faked: it is what Backstage's expiry check and
    // the cache both read, and nothing here waits on timers.
    jest.useFakeTimers({
      now: start,
      doNotFake: [
        'nextTick',
        'setImmediate',
        'clearImmediate',
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
    });
    verifications = jest.spyOn(backstageAuth, 'authenticate');
  });

  afterEach(() => {
    verifications.mockRestore();
    jest.useRealTimers();
  });

  function cachedAuth(
    options: {
      maxEntries?: number;
      maxAgeMs?: number;
      auth?: AuthService;
    } = {},
  ) {
    const cache = new VerifiedTokenCache({
      maxEntries: options.maxEntries ?? 100,
      maxAgeMs: options.maxAgeMs ?? seconds(60),
      now: () => Date.now(),
    });
    const auth = new CachedVerificationAuthService({
      auth: options.auth ?? backstageAuth,
      pluginId: 'catalog',
      cache,
    });
    return { auth, cache };
  }

  it('answers a repeated token with the same credentials, verified once', async () => {
    const { auth } = cachedAuth();
    const token = await tokenExpiringIn(seconds(3600));

    const first = await auth.authenticate(token);
    const second = await auth.authenticate(token);

    expect(second).toBe(first);
    expect(first.principal).toEqual(
      expect.objectContaining({ type: 'service', subject: 'bench-client' }),
    );
    expect(verifications).toHaveBeenCalledTimes(1);
  });

  it('refuses a cached token once it has expired', async () => {
    const { auth } = cachedAuth({ maxAgeMs: seconds(60) });
    const token = await tokenExpiringIn(seconds(30));
    await expect(auth.authenticate(token)).resolves.toBeDefined();

    jest.setSystemTime(start + seconds(29));
    await expect(auth.authenticate(token)).resolves.toBeDefined();
    expect(verifications).toHaveBeenCalledTimes(1);

    // Past `exp` though well within the cache's max age: Backstage's own
    // check answers, and refuses as it does without the cache.
    jest.setSystemTime(start + seconds(30));
    const uncached = await backstageAuth.authenticate(token).then(
      () => new Error('Backstage accepted an expired token'),
      (error: Error) => error,
    );
    expect(uncached.message).toMatch(/"exp" claim timestamp check failed/);
    await expect(auth.authenticate(token)).rejects.toThrow(uncached.message);
    await expect(auth.authenticate(token)).rejects.toThrow(uncached.message);
    expect(verifications).toHaveBeenCalledTimes(4);
  });

  it('refuses a revoked token once the max age has passed, and never caches the refusal', async () => {
    // Revocation in this Backstage version is the token's signing key no
    // longer being trusted; this stand-in refuses a token from a chosen
    // moment, as Backstage would once the key is gone.
    const revoked = new Set<string>();
    const revocable: AuthService = Object.create(backstageAuth);
    revocable.authenticate = async (token, options) => {
      if (revoked.has(token)) {
        throw Object.assign(new Error('Illegal token'), {
          name: 'AuthenticationError',
        });
      }
      return backstageAuth.authenticate(token, options);
    };
    const { auth } = cachedAuth({ auth: revocable, maxAgeMs: seconds(60) });
    const token = await tokenExpiringIn(seconds(3600));
    await auth.authenticate(token);

    revoked.add(token);
    // The documented window: a verification made before the revocation is
    // reused for at most the max age after it was made.
    jest.setSystemTime(start + seconds(59));
    await expect(auth.authenticate(token)).resolves.toBeDefined();

    jest.setSystemTime(start + seconds(60));
    await expect(auth.authenticate(token)).rejects.toThrow('Illegal token');
    revoked.delete(token);
    await expect(auth.authenticate(token)).resolves.toBeDefined();
  });

  it('re-verifies a token without expiry (static access) after the max age', async () => {
    const { auth } = cachedAuth({ maxAgeMs: seconds(60) });
    await auth.authenticate(staticToken);
    jest.setSystemTime(start + seconds(59));
    await auth.authenticate(staticToken);
    expect(verifications).toHaveBeenCalledTimes(1);

    jest.setSystemTime(start + seconds(60));
    await auth.authenticate(staticToken);
    expect(verifications).toHaveBeenCalledTimes(2);
  });

  it('refuses a tampered token although its untampered original is cached', async () => {
    const { auth } = cachedAuth();
    const token = await tokenExpiringIn(seconds(3600));
    await auth.authenticate(token);
    const [header, payload] = token.split('.');
    const otherSignature = (
      await tokenExpiringIn(seconds(3600), randomBytes(32))
    ).split('.')[2];
    const tampered = [header, payload, otherSignature].join('.');
    const truncated = token.slice(0, -2);

    for (const bad of [tampered, truncated]) {
      await expect(auth.authenticate(bad)).rejects.toMatchObject({
        name: 'AuthenticationError',
      });
      // A refusal is not kept: asked again, Backstage is asked again.
      await expect(auth.authenticate(bad)).rejects.toMatchObject({
        name: 'AuthenticationError',
      });
    }
    expect(verifications).toHaveBeenCalledTimes(5);
  });

  it('keeps at most maxEntries tokens, dropping the least recently used', async () => {
    const { auth, cache } = cachedAuth({ maxEntries: 2 });
    const [a, b, c] = await Promise.all(
      [1, 2, 3].map(n => tokenExpiringIn(seconds(3600 + n))),
    );
    await auth.authenticate(a);
    await auth.authenticate(b);
    await auth.authenticate(a); // a is now more recent than b
    await auth.authenticate(c); // evicts b
    expect(cache.size).toBe(2);
    expect(verifications).toHaveBeenCalledTimes(3);

    await auth.authenticate(a);
    expect(verifications).toHaveBeenCalledTimes(3);
    await auth.authenticate(b);
    expect(verifications).toHaveBeenCalledTimes(4);
    expect(cache.size).toBe(2);
  });

  it('keeps full and limited access verifications apart', async () => {
    const { auth } = cachedAuth();
    const token = await tokenExpiringIn(seconds(3600));
    await auth.authenticate(token, { allowLimitedAccess: true });
    await auth.authenticate(token);
    expect(verifications).toHaveBeenCalledTimes(2);
    expect(verifications.mock.calls.map(call => call[1])).toEqual([
      { allowLimitedAccess: true },
      undefined,
    ]);
  });

  it('verifies concurrent first requests with one token once', async () => {
    const { auth } = cachedAuth();
    const token = await tokenExpiringIn(seconds(3600));
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => auth.authenticate(token)),
    );
    expect(new Set(answers).size).toBe(1);
    expect(verifications).toHaveBeenCalledTimes(1);
  });
});
