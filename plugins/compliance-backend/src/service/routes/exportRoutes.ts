import { Waiver } from '@gogidix/plugin-compliance-common';
import { attachmentDisposition, exportCsv } from '@gogidix/portal-node';
import express from 'express';
import { StoredEntityResult } from '../../database/ComplianceStore';
import { RuleSet } from '../../rules/ruleSet';
import { EXPORT_COLUMNS, exportRows } from '../evidenceExport';
import { entityCompliance } from '../resultsWithWaivers';
import { ComplianceRouter } from './types';

/** What an export holds: the caller's visible results, as of `generatedAt`. */
export interface ExportScope {
  results: StoredEntityResult[];
  waivers: Array<Omit<Waiver, 'active'>>;
  generatedAt: Date;
  filters: { teams: string[] };
}

/** The auditor exports, JSON and CSV, of what the caller may see. */
export function addExportRoutes(
  router: ComplianceRouter,
  options: {
    /** Checks the export permission, then scopes to the caller's teams. */
    exportFor: (req: express.Request) => Promise<ExportScope>;
    ruleSet: RuleSet;
  },
) {
  const { exportFor, ruleSet } = options;

  router.get('/export.json', async (req, res) => {
    const { results, waivers, generatedAt, filters } = await exportFor(req);
    const at = generatedAt;
    res
      .set(
        'content-disposition',
        attachmentDisposition('compliance-export.json'),
      )
      .json({
        generatedAt: at.toISOString(),
        filters,
        controls: ruleSet.controls.map(c => ({
          framework: c.framework,
          id: c.id,
          title: c.title,
          checks: c.checks,
        })),
        checks: ruleSet.checks.map(c => ({
          id: c.id,
          title: c.title,
          level: c.level,
          description: c.description,
          facts: c.facts,
          controls: c.controls,
        })),
        entities: results.map(result => {
          const mine = waivers.filter(w => w.entityRef === result.entityRef);
          const { checks, controls, ...entity } = entityCompliance(
            result,
            ruleSet,
            mine,
            at,
          );
          return {
            ...entity,
            controls: controls.map(c => ({
              framework: c.framework,
              id: c.id,
              status: c.status,
              checkIds: c.checkIds,
            })),
            checks: checks.map(c => ({
              checkId: c.checkId,
              status: c.status,
              reason: c.reason,
              evidence: c.evidence,
              waiver: c.waiver,
            })),
          };
        }),
      });
  });

  router.get('/export.csv', async (req, res) => {
    const { results, waivers, generatedAt } = await exportFor(req);
    const rows = exportRows(results, ruleSet, waivers, generatedAt);
    res
      .type('text/csv')
      .set(
        'content-disposition',
        attachmentDisposition('compliance-export.csv'),
      )
      .send(exportCsv(EXPORT_COLUMNS, rows));
  });
}
