import { Entity } from '@backstage/catalog-model';
import { ComplianceStore } from '../database/ComplianceStore';
import {
  CollectedFact,
  FactRetriever,
  factsInError,
  factsWithValues,
} from './FactRetriever';

const DAY = 86400_000;

/**
 * Vulnerability counts of each entity's latest Trivy report, as uploaded by
 * CI (or loaded from the demo reports). Before the first report the facts
 * are pending; when every report received was refused they are in error
 * with the reason; a refusal after a readable report leaves that report's
 * counts in place (the entity page shows the refusal).
 */
export class TrivyFactRetriever implements FactRetriever {
  readonly id = 'trivy';
  readonly facts = [
    { id: 'trivy.scanned', description: 'a Trivy report was received' },
    { id: 'trivy.image', description: 'the scanned image (ArtifactName)' },
    { id: 'trivy.critical', description: 'CRITICAL vulnerabilities' },
    { id: 'trivy.high', description: 'HIGH vulnerabilities' },
    { id: 'trivy.medium', description: 'MEDIUM vulnerabilities' },
    { id: 'trivy.low', description: 'LOW vulnerabilities' },
    { id: 'trivy.unknown', description: 'UNKNOWN-severity vulnerabilities' },
    {
      id: 'trivy.misconfigurations',
      description: 'failed misconfiguration checks, any severity',
    },
    { id: 'trivy.secrets', description: 'exposed secrets, any severity' },
    { id: 'trivy.ageDays', description: 'days since the scan' },
  ];

  constructor(
    private readonly store: Pick<ComplianceStore, 'listTrivyReports'>,
  ) {}

  async retrieve(
    entities: Array<{ entity: Entity; entityRef: string }>,
    now: Date,
  ): Promise<CollectedFact[]> {
    const states = new Map(
      (await this.store.listTrivyReports()).map(r => [r.entityRef, r]),
    );
    return entities.flatMap(({ entityRef }) => {
      const { report, rejected } = states.get(entityRef) ?? {
        report: null,
        rejected: null,
      };
      if (!report && rejected) {
        return factsInError(
          this,
          entityRef,
          `the only Trivy report received (${rejected.at}) was refused: ${rejected.reason}`,
          `Trivy report ${rejected.source}`,
          rejected.at,
        );
      }
      if (!report) {
        // A new service has not been scanned yet: its checks wait for the
        // first report rather than fail.
        return this.facts.map(fact => ({
          entityRef,
          factId: fact.id,
          value: fact.id === 'trivy.scanned' ? false : null,
          source: 'no Trivy report received yet',
          collectedAt: now.toISOString(),
          pending:
            'waiting for the first Trivy report, which CI uploads after building the image',
        }));
      }
      const total = (counts: Record<string, number>) =>
        Object.values(counts).reduce((n, c) => n + c, 0);
      return factsWithValues(
        entityRef,
        {
          'trivy.scanned': true,
          'trivy.image': report.artifactName,
          'trivy.critical': report.counts.CRITICAL,
          'trivy.high': report.counts.HIGH,
          'trivy.medium': report.counts.MEDIUM,
          'trivy.low': report.counts.LOW,
          'trivy.unknown': report.counts.UNKNOWN,
          'trivy.misconfigurations': total(report.misconfigurations),
          'trivy.secrets': total(report.secrets),
          'trivy.ageDays': Math.floor(
            (now.getTime() - Date.parse(report.scannedAt)) / DAY,
          ),
        },
        `Trivy report ${report.source} of ${report.artifactName}`,
        report.scannedAt,
      );
    });
  }
}
