import { createBackend } from '@backstage/backend-defaults';
import { PortalConfigError } from './config/checkConfig';
import { schemaCheckedRootConfigServiceFactory } from './config/rootConfig';
import { httpRouterWithDatabaseErrors } from './databaseUnavailable';
import { portalBackendFeatures } from './features';
import { portalRootHttpRouterServiceFactory } from './http/rootHttpRouter';
import { startMetricsExporter } from './metrics';

async function start() {
  await startMetricsExporter();
  const backend = createBackend();
  backend.add(schemaCheckedRootConfigServiceFactory);
  backend.add(portalRootHttpRouterServiceFactory);
  backend.add(httpRouterWithDatabaseErrors);
  for (const feature of portalBackendFeatures()) {
    backend.add(feature);
  }
  await backend.start();
}

// A backend that cannot start must exit, so that its supervisor (Kubernetes,
// a terminal) sees the failure instead of a process that never gets ready.
// A configuration error says what to fix; its stack would only bury that.
start().catch(error => {
  const detail =
    error instanceof PortalConfigError ? error.message : error?.stack;
  process.stderr.write(
    `The portal backend failed to start: ${detail ?? error}\n`,
  );
  process.exit(1);
});
