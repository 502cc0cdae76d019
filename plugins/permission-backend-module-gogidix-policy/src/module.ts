import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { GogidixPermissionPolicy } from './policy/GogidixPermissionPolicy';
import { CatalogDependencySource } from './roles/CatalogDependencySource';
import { CatalogGroupTreeSource } from './roles/CatalogGroupTreeSource';
import { readRoleSettings } from './roles/config';

/** The portal's role policy for the permission plugin. */
export const permissionModuleGogidixPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'gogidix-policy',
  register(env) {
    env.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        logger: coreServices.logger,
        userInfo: coreServices.userInfo,
        catalog: catalogServiceRef,
      },
      async init({ policy, config, auth, auditor, logger, userInfo, catalog }) {
        const settings = readRoleSettings(config);
        const groups = new CatalogGroupTreeSource({
          catalog,
          auth,
          logger,
          managerAnnotation: settings.managerAnnotation,
          maxAgeMs: settings.groupCacheMs,
        });
        policy.setPolicy(
          new GogidixPermissionPolicy({
            settings,
            groups,
            dependencies: new CatalogDependencySource({
              catalog,
              auth,
              maxAgeMs: settings.groupCacheMs,
            }),
            auditor,
            logger,
            userInfo,
          }),
        );
      },
    });
  },
});
