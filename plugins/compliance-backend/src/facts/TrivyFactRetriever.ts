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
 * CI (or loaded from the demo reports). A report that could not be read
 * leaves the entity's Trivy facts in an error state with the reason.
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
    { id: 'trivy.ageDays', description: 'days since the scan' },
  ];

  constructor(
    private readonly store: Pick<ComplianceStore, 'listTrivyReports'>,
  ) {}

  async retrieve(
    entities: Array<{ entity: Entity; entityRef: string }>,
    now: Date,
  ): Promise<CollectedFact[]> {
    const reports = new Map(
      (await this.store.listTrivyReports()).map(r => [r.entityRef, r]),
    );
    return entities.flatMap(({ entityRef }) => {
      const report = reports.get(entityRef);
      if (!report) {
        return factsWithValues(
          entityRef,
          {
            'trivy.scanned': false,
            'trivy.image': null,
            'trivy.critical': null,
            'trivy.high': null,
            'trivy.medium': null,
            'trivy.low': null,
            'trivy.ageDays': null,
          },
          'no Trivy report received',
          now.toISOString(),
        );
      }
      const source = `Trivy report ${report.source}${
        report.artifactName ? ` of ${report.artifactName}` : ''
      }`;
      if (report.error || !report.counts || !report.scannedAt) {
        return factsInError(
          this,
          entityRef,
          `the Trivy report could not be read: ${
            report.error ?? 'it is empty'
          }`,
          source,
          report.receivedAt,
        );
      }
      return factsWithValues(
        entityRef,
        {
          'trivy.scanned': true,
          'trivy.image': report.artifactName,
          'trivy.critical': report.counts.CRITICAL,
          'trivy.high': report.counts.HIGH,
          'trivy.medium': report.counts.MEDIUM,
          'trivy.low': report.counts.LOW,
          'trivy.ageDays': Math.floor(
            (now.getTime() - Date.parse(report.scannedAt)) / DAY,
          ),
        },
        source,
        report.scannedAt,
      );
    });
  }
}
