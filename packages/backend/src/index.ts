import { createBackend } from '@backstage/backend-defaults';
import { PortalConfigError } from './config/checkConfig';
import { startMetricsExporter } from './metrics';
import { portalBackend } from './portalBackend';

async function start() {
  await startMetricsExporter();
  const backend = createBackend();
  for (const feature of portalBackend()) {
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
