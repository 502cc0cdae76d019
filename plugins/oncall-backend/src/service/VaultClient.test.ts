import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import {
  SECRET_VALUE,
  VAULT_TOKEN,
  VaultStandIn,
  startVaultStandIn,
} from '../__testUtils__/vaultStandIn';
import { VaultClient } from './VaultClient';

describe('VaultClient', () => {
  const logger = mockServices.logger.mock();
  let vault: VaultStandIn;
  beforeAll(async () => {
    vault = await startVaultStandIn();
  });
  afterAll(() => vault.stop());

  const client = (token = VAULT_TOKEN) =>
    new VaultClient(
      {
        baseUrl: vault.baseUrl,
        publicUrl: 'https://vault.gogidix.dev',
        token,
        mount: 'secret',
        teamPathPrefix: '{team}/',
        timeoutMs: 2000,
      },
      logger,
    );

  it('lists names with links into Vault’s UI, listing metadata only', async () => {
    const secrets = await client().listSecretNames('listings/listings-service');
    expect(secrets).toEqual([
      {
        name: 'api-keys',
        path: 'listings/listings-service/api-keys',
        url: 'https://vault.gogidix.dev/ui/vault/secrets/secret/kv/listings%2Flistings-service%2Fapi-keys/details',
      },
      {
        name: 'database',
        path: 'listings/listings-service/database',
        url: 'https://vault.gogidix.dev/ui/vault/secrets/secret/kv/listings%2Flistings-service%2Fdatabase/details',
      },
      {
        name: 'stripe/',
        path: 'listings/listings-service/stripe/',
        url: 'https://vault.gogidix.dev/ui/vault/secrets/secret/kv/listings%2Flistings-service%2Fstripe/',
      },
    ]);
    expect(JSON.stringify(secrets)).not.toContain(SECRET_VALUE);
    expect(
      vault.requests.map(r => ({ method: r.method, path: r.url.pathname })),
    ).toEqual([
      { method: 'GET', path: '/v1/secret/metadata/listings/listings-service' },
    ]);
  });

  it('answers an empty list for a path with no secrets', async () => {
    expect(await client().listSecretNames('search/geo-service')).toEqual([]);
  });

  it('says why when the token is refused', async () => {
    await expect(
      client('wrong').listSecretNames('listings/listings-service'),
    ).rejects.toThrow(
      /^Vault at .* answered 403 Forbidden: the credential was refused; check onCall\.vault\.token and what it may read$/,
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^Vault at .* answered 403: .*permission denied/),
    );
  });

  it.each(['../sys/policy', 'a//b', 'a/./b', 'a?list=true'])(
    'refuses the path %s',
    async path => {
      await expect(client().listSecretNames(path)).rejects.toThrow(InputError);
    },
  );
});
