import { createBackend } from '@backstage/backend-defaults';
import { schemaCheckedRootConfigServiceFactory } from './config/rootConfig';
import { portalBackendFeatures } from './features';

const backend = createBackend();
backend.add(schemaCheckedRootConfigServiceFactory);
for (const feature of portalBackendFeatures()) {
  backend.add(feature);
}
backend.start();
