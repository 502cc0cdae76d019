import { Entity } from '@backstage/catalog-model';
import { ResolvedSlo } from '@gogidix/plugin-slo-common';

/**
 * Where an SLO's runbook and dashboard are. Runbooks follow the portal-wide
 * convention `<app.baseUrl>/runbooks/<namespace>/<kind>/<name>/<runbook>`;
 * the Grafana link opens Sloth's SLO dashboard for the SLO.
 */
export class SloLinks {
  constructor(
    private readonly appBaseUrl: string,
    private readonly grafana?: { baseUrl: string; dashboardUid: string },
  ) {}

  runbook(
    entity: { kind: string; namespace?: string; name: string },
    runbook: string,
  ) {
    const parts = [
      entity.namespace ?? 'default',
      entity.kind.toLowerCase(),
      entity.name,
      runbook,
    ];
    return `${this.appBaseUrl.replace(/\/$/, '')}/runbooks/${parts
      .map(encodeURIComponent)
      .join('/')}`;
  }

  forSlo(
    entity: Entity,
    slo: ResolvedSlo,
  ): { runbook: string; grafana?: string } {
    const runbook = this.runbook(
      {
        kind: entity.kind,
        namespace: entity.metadata.namespace,
        name: entity.metadata.name,
      },
      slo.runbook,
    );
    if (!this.grafana) return { runbook };
    const query = new URLSearchParams({
      'var-service': slo.service,
      'var-slo': slo.name,
    });
    return {
      runbook,
      grafana: `${this.grafana.baseUrl.replace(/\/$/, '')}/d/${
        this.grafana.dashboardUid
      }?${query}`,
    };
  }
}
