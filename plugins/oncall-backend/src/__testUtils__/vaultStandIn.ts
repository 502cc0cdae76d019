import { sendJson, StandIn, startStandIn } from '@gogidix/test-kit';

/**
 * A stand-in for Vault's KV version 2 HTTP API: `GET /v1/<mount>/metadata/
 * <path>?list=true` (Vault's documented form of LIST) answers the key names, `GET /v1/<mount>/
 * data/<path>` holds values so a test can prove they are never fetched.
 * Auth is the `X-Vault-Token` header; errors use Vault's `{"errors": [...]}`.
 */
export type VaultStandIn = StandIn;

export const VAULT_TOKEN = 'hvs.standin0123456789';
export const SECRET_VALUE = 'sk_live_do_not_show_me';

const tree: Record<string, string[]> = {
  'listings/listings-service': ['database', 'stripe/', 'api-keys'],
  'listings/listings-service/stripe': ['webhook-secret'],
};

export async function startVaultStandIn(): Promise<VaultStandIn> {
  return startStandIn((req, res, url) => {
    const send = (status: number, body: unknown) => sendJson(res, status, body);
    if (req.headers['x-vault-token'] !== VAULT_TOKEN) {
      send(403, { errors: ['permission denied'] });
      return;
    }
    const metadata = /^\/v1\/secret\/metadata\/(.+?)\/?$/.exec(url.pathname);
    const listing =
      req.method === 'GET' && url.searchParams.get('list') === 'true';
    if (metadata && listing) {
      const keys = tree[decodeURIComponent(metadata[1])];
      if (!keys) {
        send(404, { errors: [] });
        return;
      }
      send(200, {
        request_id: 'b5a1c2d3-0000-4000-8000-000000000001',
        lease_id: '',
        renewable: false,
        lease_duration: 0,
        data: { keys },
        wrap_info: null,
        warnings: null,
        auth: null,
      });
      return;
    }
    if (/^\/v1\/secret\/data\//.test(url.pathname)) {
      send(200, { data: { data: { value: SECRET_VALUE } } });
      return;
    }
    send(404, { errors: [] });
  });
}
