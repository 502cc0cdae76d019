// A local OpenID Connect provider that stands in for Keycloak in the e2e
// suite. It is `oidc-provider`, a certified implementation, with its built-in
// login and consent pages; every user of the demo organisation can sign in
// with any password. Development and tests only.
//
//   node e2e/support/oidc-idp.mjs
//
// Environment: OIDC_PORT (7900), OIDC_CLIENT_ID, OIDC_CLIENT_SECRET,
// PORTAL_BASE_URL (the portal whose callback is allowed).
import Provider from 'oidc-provider';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.OIDC_PORT ?? 7900);
const portal = process.env.PORTAL_BASE_URL ?? 'http://localhost:7007';
const issuer = `http://localhost:${port}`;

// Accounts are the demo organisation's users, keyed by catalog name.
const accounts = new Map(
  yaml
    .parseAllDocuments(
      fs.readFileSync(path.join(here, '../../demo/org/users.yaml'), 'utf8'),
    )
    .map(doc => doc.toJSON())
    .filter(entity => entity?.kind === 'User')
    .map(user => [
      user.metadata.name,
      {
        sub: user.metadata.name,
        preferred_username: user.metadata.name,
        name: user.spec.profile?.displayName,
        email: user.spec.profile?.email,
        email_verified: true,
      },
    ]),
);

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID ?? 'gogidix-portal',
      client_secret: process.env.OIDC_CLIENT_SECRET ?? 'e2e-client-secret',
      redirect_uris: [`${portal}/api/auth/oidc/handler/frame`],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
  ],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'preferred_username'],
  },
  // Put the requested claims in the ID token as Keycloak does.
  conformIdTokenClaims: false,
  findAccount: (_ctx, id) => {
    const claims = accounts.get(id);
    return claims && { accountId: id, claims: () => claims };
  },
  // Keycloak issues a refresh token on every code grant; the portal keeps it
  // in a cookie so that a returning user is signed in without a popup.
  issueRefreshToken: async (_ctx, client) =>
    client.grantTypeAllowed('refresh_token'),
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => false },
  cookies: { keys: ['e2e-only-cookie-signing-key'] },
});

provider.listen(port, () => {
  console.log(
    `OIDC provider ${issuer} for ${portal} (${accounts.size} accounts)`,
  );
});
