import { createBackend } from '@backstage/backend-defaults';
import { schemaCheckedRootConfigServiceFactory } from './config/rootConfig';
import { portalBackendFeatures } from './features';

const backend = createBackend();
backend.add(schemaCheckedRootConfigServiceFactory);
for (const feature of portalBackendFeatures()) {
  backend.add(feature);
}
// A backend that cannot start must exit, so that its supervisor (Kubernetes,
// a terminal) sees the failure instead of a process that never gets ready.
backend.start().catch(error => {
  process.stderr.write(
    `The portal backend failed to start: ${error?.stack ?? error}\n`,
  );
  process.exit(1);
});
