/* eslint-disable no-console */
// authenticate() per second, uncached against cached (bench/auth/run.sh).
// Backstage's own auth service verifies user tokens exactly as it does for
// a signed-in person: ES256 tokens of type vnd.backstage.user, checked
// against a JWKS that a local server publishes where discovery says the
// auth plugin is. The same service behind the portal's VerifiedTokenCache
// is the other side. Both run in this process on the same tokens.
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { discoveryServiceFactory } from '@backstage/backend-defaults/discovery';
import { AuthService } from '@backstage/backend-plugin-api';
import {
  ServiceFactoryTester,
  mockServices,
} from '@backstage/backend-test-utils';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  CachedVerificationAuthService,
  VerifiedTokenCache,
} from '../../packages/backend/src/auth/VerifiedTokenCache';

const CALLS = Number(process.env.BENCH_CALLS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CALLERS = Number(process.env.BENCH_CALLERS ?? 50);

async function main() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256' };
  const jwks = JSON.stringify({ keys: [jwk] });
  let jwksFetches = 0;
  const server = createServer((req, res) => {
    jwksFetches += 1;
    if (req.url === '/api/auth/.well-known/jwks.json') {
      res.setHeader('content-type', 'application/json');
      res.end(jwks);
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  const tester = ServiceFactoryTester.from(authServiceFactory, {
    dependencies: [
      mockServices.rootConfig.factory({
        data: { backend: { baseUrl, listen: { port } } },
      }),
      discoveryServiceFactory,
    ],
  });
  const backstage: AuthService = await tester.getSubject('catalog');
  const cached = new CachedVerificationAuthService({
    auth: backstage,
    pluginId: 'catalog',
    cache: new VerifiedTokenCache({ maxEntries: 10_000, maxAgeMs: 60_000 }),
  });

  const now = Math.floor(Date.now() / 1000);
  const tokens = await Promise.all(
    Array.from({ length: CALLERS }, (_, i) =>
      new SignJWT({ ent: [`user:default/bench-${i}`] })
        .setProtectedHeader({
          alg: 'ES256',
          kid: 'bench',
          typ: 'vnd.backstage.user',
        })
        .setIssuer(`${baseUrl}/api/auth`)
        .setAudience('backstage')
        .setSubject(`user:default/bench-${i}`)
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .sign(privateKey),
    ),
  );

  // Each side is checked once before timing: a bench of refusals is no bench.
  for (const auth of [backstage, cached]) {
    const credentials = await auth.authenticate(tokens[0]);
    if (!auth.isPrincipal(credentials, 'user')) {
      throw new Error('the bench token was not verified as a user');
    }
  }

  async function round(auth: AuthService): Promise<number> {
    const started = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i++) {
      await auth.authenticate(tokens[i % CALLERS]);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return CALLS / seconds;
  }

  const results = { uncached: [] as number[], cached: [] as number[] };
  // One warm-up round each, then the timed rounds interleaved so that
  // drift on a shared machine falls on both sides alike.
  await round(backstage);
  await round(cached);
  for (let r = 0; r < ROUNDS; r++) {
    results.uncached.push(await round(backstage));
    results.cached.push(await round(cached));
  }
  server.close();

  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(
    `authenticate() per second, ${CALLS} calls a round over ${CALLERS} users' ES256 tokens, ${ROUNDS} rounds (median, min-max):`,
  );
  for (const [name, xs] of Object.entries(results)) {
    console.log(
      `  ${name.padEnd(9)} ${fmt(median(xs)).padStart(10)}  (${fmt(
        Math.min(...xs),
      )}-${fmt(Math.max(...xs))})`,
    );
  }
  console.log(
    `  cached / uncached: ${(
      median(results.cached) / median(results.uncached)
    ).toFixed(1)}x; JWKS fetched ${jwksFetches} time(s)`,
  );
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
