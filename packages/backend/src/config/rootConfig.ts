import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConfigSources, loadConfigSchema } from '@backstage/config-loader';
import { checkConfig } from './checkConfig';

/**
 * The default root config, checked once at start-up against the config schema
 * of every package the backend depends on (frontend packages included), plus
 * the portal's own production rules. A wrong value stops the start with a
 * message that names the key, instead of failing later in some plugin.
 */
export const schemaCheckedRootConfigServiceFactory = createServiceFactory({
  service: coreServices.rootConfig,
  deps: {},
  async factory() {
    const source = ConfigSources.default({});
    const config = await ConfigSources.toConfig(source);
    // `backend` is this package; its dependencies include the app and so
    // every frontend plugin's schema too.
    const schema = await loadConfigSchema({ dependencies: ['backend'] });
    checkConfig(config, schema, process.env);
    return config;
  },
});
