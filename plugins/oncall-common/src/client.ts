import { CompoundEntityRef } from '@backstage/catalog-model';
import { entityPath, PluginFetch } from '@gogidix/portal-common';
import {
  FiringAlerts,
  GrafanaOverview,
  NotConfigured,
  Runbook,
  RunbookSummary,
  ServiceOnCall,
  VaultSecretList,
} from './types';

/** What the client needs from Backstage's discovery and fetch APIs. */
export interface OnCallClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
}

export interface RunbookList {
  entityRef: string;
  expectedLocation: string;
  runbooks: RunbookSummary[];
}

/** Typed access to the on-call backend. */
export interface OnCallApi {
  listRunbooks(entity: CompoundEntityRef): Promise<RunbookList>;
  getRunbook(entity: CompoundEntityRef, runbook: string): Promise<Runbook>;
  /** Everything firing, or only the entity's alerts when one is given. */
  firingAlerts(entityRef?: string): Promise<FiringAlerts | NotConfigured>;
  serviceOnCall(entityRef: string): Promise<ServiceOnCall | NotConfigured>;
  grafana(entityRef: string): Promise<GrafanaOverview | NotConfigured>;
  vaultSecrets(entityRef: string): Promise<VaultSecretList | NotConfigured>;
}

export class OnCallClient implements OnCallApi {
  readonly #http: PluginFetch;

  constructor(options: OnCallClientOptions) {
    this.#http = new PluginFetch('oncall', options);
  }

  listRunbooks(entity: CompoundEntityRef): Promise<RunbookList> {
    return this.#http.json(`/entities/${entityPath(entity)}/runbooks`);
  }

  getRunbook(entity: CompoundEntityRef, runbook: string): Promise<Runbook> {
    return this.#http.json(
      `/entities/${entityPath(entity)}/runbooks/${encodeURIComponent(runbook)}`,
    );
  }

  firingAlerts(entityRef?: string): Promise<FiringAlerts | NotConfigured> {
    return this.#http.json(
      entityRef ? `/entities/${entityPath(entityRef)}/alerts` : '/alerts',
    );
  }

  serviceOnCall(entityRef: string): Promise<ServiceOnCall | NotConfigured> {
    return this.#http.json(`/entities/${entityPath(entityRef)}/pagerduty`);
  }

  grafana(entityRef: string): Promise<GrafanaOverview | NotConfigured> {
    return this.#http.json(`/entities/${entityPath(entityRef)}/grafana`);
  }

  vaultSecrets(entityRef: string): Promise<VaultSecretList | NotConfigured> {
    return this.#http.json(`/entities/${entityPath(entityRef)}/vault`);
  }
}
