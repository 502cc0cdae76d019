import { IncomingMessage } from 'node:http';
import { DemoEstate } from './demoEstate';
import { JsonAnswer } from '@gogidix/portal-node';

/**
 * Vault's KV version 2 API for the demo organisation, as documented at
 * developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2: `LIST
 * /v1/<mount>/metadata/<path>` (also as `GET …?list=true`) answers the
 * secret names under each service's `vault.io/secrets-path`: one per
 * resource it depends on, and its own service account. There are no
 * values: every other request is refused as a list-only token would be.
 */
export function vaultDemo(options: {
  token: string;
  mount: string;
  estate: DemoEstate;
}) {
  const errors = (status: number, messages: string[]): JsonAnswer => ({
    status,
    body: { errors: messages },
  });
  return async (req: IncomingMessage, url: URL): Promise<JsonAnswer> => {
    if (req.headers['x-vault-token'] !== options.token) {
      return errors(403, ['permission denied']);
    }
    const prefix = `/v1/${options.mount}/metadata/`;
    const listing =
      req.method === 'LIST' ||
      (req.method === 'GET' && url.searchParams.get('list') === 'true');
    if (!url.pathname.startsWith(prefix) || !listing) {
      return errors(403, ['permission denied']);
    }
    const path = decodeURIComponent(url.pathname.slice(prefix.length)).replace(
      /\/+$/,
      '',
    );
    const service = (await options.estate.services()).find(s =>
      s.vaultPaths.includes(path),
    );
    if (!service) {
      return errors(404, []);
    }
    return {
      status: 200,
      body: {
        request_id: '00000000-0000-4000-8000-000000000000',
        lease_id: '',
        renewable: false,
        lease_duration: 0,
        data: { keys: [...service.resources, 'service-account'].sort() },
        wrap_info: null,
        warnings: null,
        auth: null,
      },
    };
  };
}
