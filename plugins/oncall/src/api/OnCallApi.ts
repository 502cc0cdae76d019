import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  FiringAlerts,
  GrafanaOverview,
  NotConfigured,
  Runbook,
  RunbookSummary,
  ServiceOnCall,
  VaultSecretList,
} from '@gogidix/plugin-oncall-common';

export interface RunbookList {
  entityRef: string;
  expectedLocation: string;
  runbooks: RunbookSummary[];
}

export interface OnCallApi {
  listRunbooks(entity: CompoundEntityRef): Promise<RunbookList>;
  getRunbook(entity: CompoundEntityRef, runbook: string): Promise<Runbook>;
  /** Everything firing, or only the entity's alerts when one is given. */
  firingAlerts(entityRef?: string): Promise<FiringAlerts | NotConfigured>;
  serviceOnCall(entityRef: string): Promise<ServiceOnCall | NotConfigured>;
  grafana(entityRef: string): Promise<GrafanaOverview | NotConfigured>;
  vaultSecrets(entityRef: string): Promise<VaultSecretList | NotConfigured>;
}

export const onCallApiRef = createApiRef<OnCallApi>({ id: 'plugin.oncall' });
