import { LoggerService } from '@backstage/backend-plugin-api';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ComplianceStore } from '../database/ComplianceStore';
import { repositoryPath } from '../facts/repositoryPath';
import { ingestTrivyReport } from './trivyIngest';

/**
 * Loads `<component name>.json` Trivy reports from a folder (the demo's, or
 * reports CI dropped on a shared volume) through the same parser as the
 * upload route. A file that is not valid JSON or not a Trivy report is
 * recorded as a refusal for its component; the other files still load.
 */
export async function loadTrivyReports(
  store: Pick<ComplianceStore, 'saveTrivyReport' | 'saveTrivyRejection'>,
  dir: string,
  logger: LoggerService,
  now = new Date(),
): Promise<{ loaded: number; failed: number }> {
  const result = await loadFolder(store, dir, logger, now);
  logger.info(
    `Loaded ${result.loaded} Trivy reports from ${repositoryPath(dir)} (${
      result.failed
    } unreadable)`,
  );
  return result;
}

async function loadFolder(
  store: Pick<ComplianceStore, 'saveTrivyReport' | 'saveTrivyRejection'>,
  dir: string,
  logger: LoggerService,
  now: Date,
): Promise<{ loaded: number; failed: number }> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    // Reports also arrive through the upload route: a missing folder costs
    // the preloaded reports only, not the plugin.
    logger.warn(
      `compliance.trivyReportsDir: cannot read ${repositoryPath(
        dir,
      )}, no reports loaded: ${
        (error as NodeJS.ErrnoException).code ?? 'unreadable'
      }`,
    );
    return { loaded: 0, failed: 0 };
  }
  const files = names.filter(f => f.endsWith('.json')).sort();
  let loaded = 0;
  let failed = 0;
  for (const file of files) {
    const entityRef = `component:default/${path.basename(file, '.json')}`;
    const full = path.join(dir, file);
    const text = await fs.readFile(full, 'utf8');
    try {
      let report: unknown;
      try {
        report = JSON.parse(text);
      } catch (error) {
        const reason = `the file is not JSON (${
          (error as Error).message
        }): write it with trivy --format json --output ${file}`;
        await store.saveTrivyRejection({
          entityRef,
          at: now.toISOString(),
          reason,
          source: `file ${repositoryPath(full)}`,
        });
        throw new Error(reason);
      }
      await ingestTrivyReport(store, {
        entityRef,
        report,
        source: `file ${repositoryPath(full)}`,
        now,
      });
      loaded++;
    } catch (error) {
      failed++;
      logger.warn(
        `Trivy report ${repositoryPath(full)}: ${(error as Error).message}`,
      );
    }
  }
  return { loaded, failed };
}
