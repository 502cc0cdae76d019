import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { VaultSecretName } from '@gogidix/plugin-oncall-common';
import { CONFIG_KEYS, VaultSettings } from '../config';
import { fetchSourceJson } from './fetchSource';

interface ListResponse {
  data: { keys: string[] };
}

/**
 * Lists secret names in a KV version 2 engine: Vault's
 * `LIST /v1/<mount>/metadata/<path>`, sent as the documented equivalent
 * `GET ...?list=true` (proxies and Node's HTTP parser refuse the LIST verb).
 * Only the metadata endpoint is ever called, so no secret value passes
 * through the portal.
 */
export class VaultClient {
  constructor(
    private readonly settings: VaultSettings,
    private readonly logger: LoggerService,
  ) {}

  get defaultMount(): string {
    return this.settings.mount;
  }

  /** Where each team's secrets sit; `{team}` is the owner's name. */
  get teamPathPrefix(): string {
    return this.settings.teamPathPrefix;
  }

  async listSecretNames(
    path: string,
    mount = this.settings.mount,
  ): Promise<VaultSecretName[]> {
    const cleanPath = cleanSegmentPath(path, 'path');
    const cleanMount = cleanSegmentPath(mount, 'mount');
    const { data } = await fetchSourceJson<ListResponse>(
      `Vault at ${this.settings.baseUrl}`,
      `${this.settings.baseUrl}/v1/${cleanMount}/metadata/${cleanPath}?list=true`,
      {
        timeoutMs: this.settings.timeoutMs,
        headers: { 'X-Vault-Token': this.settings.token },
        logger: this.logger,
        credential: CONFIG_KEYS.vault,
        // Vault answers 404 for a path with no secrets under it.
        emptyOn: { status: 404, value: { data: { keys: [] } } },
      },
    );
    const { publicUrl } = this.settings;
    return data.keys.sort().map(name => {
      const fullPath = `${cleanPath}/${name}`;
      return {
        name,
        path: fullPath,
        url:
          publicUrl &&
          `${publicUrl}/ui/vault/secrets/${encodeURIComponent(
            cleanMount,
          )}/kv/${encodeURIComponent(fullPath.replace(/\/$/, ''))}${
            name.endsWith('/') ? '/' : '/details'
          }`,
      };
    });
  }
}

/** Segments of letters, digits, `-`, `_` and `.`; no `..`, no empty ones. */
function cleanSegmentPath(value: string, what: string): string {
  const segments = value
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .split('/');
  if (
    segments.some(s => !/^[A-Za-z0-9_.-]+$/.test(s) || s === '.' || s === '..')
  ) {
    throw new InputError(`Vault ${what} "${value}" is not a plain path`);
  }
  return segments.map(encodeURIComponent).join('/');
}
