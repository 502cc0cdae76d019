import { mockServices } from '@backstage/backend-test-utils';
import { createTestStore, demoTrivy } from '../__testUtils__/fixtures';
import { portalTestDatabases } from '@gogidix/test-kit';
import { loadTrivyReports } from './trivyReportFolder';

const databases = portalTestDatabases();

describe('loadTrivyReports', () => {
  it('loads the demo reports through the upload parser, recording the unreadable one as a refusal', async () => {
    const store = await createTestStore(databases);
    const logger = mockServices.logger.mock();
    const result = await loadTrivyReports(store, demoTrivy, logger);
    expect(result).toEqual({ loaded: 5, failed: 1 });
    const reports = new Map(
      (await store.listTrivyReports()).map(r => [r.entityRef, r]),
    );
    expect(
      reports.get('component:default/listings-service')?.report?.counts,
    ).toEqual({
      CRITICAL: 0,
      HIGH: 3,
      MEDIUM: 5,
      LOW: 8,
      UNKNOWN: 0,
    });
    const legacy = reports.get('component:default/legacy-listings-importer');
    expect(legacy?.report).toBeNull();
    expect(legacy?.rejected?.reason).toMatch(
      /^the file is not JSON .*: write it with trivy --format json --output legacy-listings-importer\.json$/,
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /legacy-listings-importer\.json: the file is not JSON/,
      ),
    );
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(/^Loaded 5 Trivy reports from .*\(1 unreadable\)$/),
    );
  });

  it('warns and loads nothing when the folder is missing', async () => {
    const store = await createTestStore(databases);
    const logger = mockServices.logger.mock();
    expect(await loadTrivyReports(store, '/nowhere/trivy', logger)).toEqual({
      loaded: 0,
      failed: 0,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      'compliance.trivyReportsDir: cannot read nowhere/trivy, no reports loaded: ENOENT',
    );
  });
});
