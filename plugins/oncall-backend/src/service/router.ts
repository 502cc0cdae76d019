import {
  AuthService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ClaimResolution } from '@gogidix/plugin-oncall-common';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { AlertmanagerClient } from './AlertmanagerClient';
import { EntityAccess } from './entityAccess';
import { EntityAlerts } from './entityAlerts';
import { GrafanaClient } from './GrafanaClient';
import { PagerDutyClient } from './PagerDutyClient';
import { RunbookReader } from './RunbookReader';
import { VaultClient } from './VaultClient';
import { addAlertRoutes } from './routes/alertRoutes';
import { addGrafanaRoutes } from './routes/grafanaRoutes';
import { addPagerDutyRoutes } from './routes/pagerDutyRoutes';
import { addRunbookRoutes } from './routes/runbookRoutes';
import { addVaultRoutes } from './routes/vaultRoutes';

export interface RouterOptions {
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  runbooks: RunbookReader;
  /** Absent when `onCall.alertmanager` is not configured. */
  alertmanager?: AlertmanagerClient;
  /** Absent when `onCall.pagerDuty` is not configured. */
  pagerDuty?: PagerDutyClient;
  /** One per `onCall.grafana.instances` entry. */
  grafana: GrafanaClient[];
  /** Absent when `onCall.vault` is not configured. */
  vault?: VaultClient;
  /** The alert label naming the service, in Alertmanager and Grafana. */
  serviceLabel: string;
  /** `gogidix.claims`: who holds a value two owners claim. */
  claims: ClaimResolution[];
}

/**
 * The on-call plugin's HTTP API; the contract is src/schema/openapi.yaml.
 * Each source's routes are in ./routes.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { auth, httpAuth, permissions, catalog, claims } = options;
  const { runbooks, alertmanager, pagerDuty, grafana, vault } = options;
  const { serviceLabel } = options;
  const router = await createOpenApiRouter();
  const access = new EntityAccess({
    auth,
    httpAuth,
    permissions,
    catalog,
    claims,
  });

  addRunbookRoutes(router, { access, runbooks });
  addAlertRoutes(router, {
    access,
    catalog,
    alerts: new EntityAlerts({ alertmanager, serviceLabel }),
  });
  addPagerDutyRoutes(router, { access, pagerDuty });
  addGrafanaRoutes(router, { access, grafana, serviceLabel });
  addVaultRoutes(router, { access, vault });
  return router;
}
