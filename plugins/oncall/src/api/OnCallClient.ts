import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  FiringAlerts,
  GrafanaOverview,
  NotConfigured,
  Runbook,
  ServiceOnCall,
  VaultSecretList,
} from '@gogidix/plugin-oncall-common';
import { OnCallApi, RunbookList } from './OnCallApi';

export class OnCallClient implements OnCallApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  listRunbooks(entity: CompoundEntityRef): Promise<RunbookList> {
    return this.get(`/runbooks/${entityPath(entity)}`);
  }

  getRunbook(entity: CompoundEntityRef, runbook: string): Promise<Runbook> {
    return this.get(
      `/runbooks/${entityPath(entity)}/${encodeURIComponent(runbook)}`,
    );
  }

  firingAlerts(entityRef?: string): Promise<FiringAlerts | NotConfigured> {
    return this.get(
      entityRef ? `/alerts?${new URLSearchParams({ entityRef })}` : '/alerts',
    );
  }

  serviceOnCall(entityRef: string): Promise<ServiceOnCall | NotConfigured> {
    return this.get(`/pagerduty?${new URLSearchParams({ entityRef })}`);
  }

  grafana(entityRef: string): Promise<GrafanaOverview | NotConfigured> {
    return this.get(`/grafana?${new URLSearchParams({ entityRef })}`);
  }

  vaultSecrets(entityRef: string): Promise<VaultSecretList | NotConfigured> {
    return this.get(`/vault?${new URLSearchParams({ entityRef })}`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('oncall');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function entityPath(entity: CompoundEntityRef): string {
  return [
    entity.namespace.toLocaleLowerCase('en-US'),
    entity.kind.toLocaleLowerCase('en-US'),
    entity.name,
  ]
    .map(encodeURIComponent)
    .join('/');
}
