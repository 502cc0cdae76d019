import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { DefaultHttpAuthService } from '@backstage/backend-defaults/httpAuth';
import {
  CachedVerificationAuthService,
  VerifiedTokenCache,
} from './VerifiedTokenCache';
import { readVerifiedTokenCacheConfig } from './verifiedTokenCacheConfig';

/**
 * Backstage's own HTTP auth service, handed each plugin's auth service with
 * `authenticate` answered from one backend-wide cache of verified tokens
 * (docs/performance.md, "Verified token cache"). Every request's
 * credentials go through here, so the signature of a caller's token is
 * checked once per cache lifetime instead of on every request. Backstage's
 * auth service itself is untouched: plugins that call it directly verify
 * as before.
 */
export const portalHttpAuthServiceFactory = createServiceFactory({
  service: coreServices.httpAuth,
  deps: {
    auth: coreServices.auth,
    discovery: coreServices.discovery,
    plugin: coreServices.pluginMetadata,
    config: coreServices.rootConfig,
  },
  async createRootContext({ config }) {
    const settings = readVerifiedTokenCacheConfig(config);
    return settings.enabled ? new VerifiedTokenCache(settings) : undefined;
  },
  async factory({ auth, discovery, plugin }, cache) {
    const pluginId = plugin.getId();
    return DefaultHttpAuthService.create({
      auth: cache
        ? new CachedVerificationAuthService({ auth, pluginId, cache })
        : auth,
      discovery,
      pluginId,
    });
  },
});
