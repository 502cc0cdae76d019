import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readComplianceConfig } from '../config';
import { ComplianceStore } from '../database/ComplianceStore';
import { CatalogFactRetriever } from '../facts/CatalogFactRetriever';
import { ComplianceService } from './ComplianceService';

const { ruleSet } = readComplianceConfig(new ConfigReader({}));

function service(logger = mockServices.logger.mock()) {
  return new ComplianceService({
    ruleSet,
    // Only the catalog's facts: every repository, Trivy and SLO check
    // refers to facts nobody collects.
    retrievers: [new CatalogFactRetriever()],
    store: {} as ComplianceStore,
    logger,
    entities: async () => [],
  });
}

describe('ComplianceService start-up warnings', () => {
  it('names each check whose facts no retriever collects, and only those', () => {
    const logger = mockServices.logger.mock();
    service(logger).warnAboutUnknownFacts('rules.yaml');
    const warnings = logger.warn.mock.calls.map(([message]) => message);
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^Compliance check ci-runs-trivy in rules\.yaml refers to unknown facts repo\.\S+.*: it will show an error$/,
      ),
    );
    expect(warnings.join('\n')).not.toMatch(/check has-owner /);
  });
});
