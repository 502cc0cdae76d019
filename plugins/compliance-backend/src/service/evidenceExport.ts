import { ExportRow, Waiver } from '@gogidix/plugin-compliance-common';
import { StoredEntityResult } from '../database/ComplianceStore';
import { RuleSet } from '../rules/ruleSet';
import { entityCompliance } from './resultsWithWaivers';

type StoredWaiver = Omit<Waiver, 'active'>;

const showValue = (value: unknown) =>
  typeof value === 'string' ? value : JSON.stringify(value);

/**
 * The auditor's export: one row per control, entity and mapped check, with
 * the evidence (fact = value), where and when it was collected, and the
 * waiver that excuses it.
 */
export function exportRows(
  results: StoredEntityResult[],
  ruleSet: RuleSet,
  waivers: StoredWaiver[],
  now: Date,
): ExportRow[] {
  const rows: ExportRow[] = [];
  for (const result of results) {
    const compliance = entityCompliance(result, ruleSet, waivers, now);
    const checks = new Map(compliance.checks.map(c => [c.checkId, c]));
    for (const control of compliance.controls) {
      for (const checkId of control.checkIds) {
        const check = checks.get(checkId);
        if (!check) continue;
        rows.push({
          framework: control.framework,
          control: control.id,
          controlTitle: control.title,
          controlStatus: control.status,
          entityRef: result.entityRef,
          team: result.team,
          checkId,
          checkTitle: check.title,
          checkStatus: check.status,
          reason: check.reason ?? '',
          evidence: check.evidence
            .map(e =>
              e.error
                ? `${e.factId}: error (${e.error})`
                : `${e.factId} = ${showValue(e.value)}`,
            )
            .join('; '),
          evidenceSources: [...new Set(check.evidence.map(e => e.source))].join(
            '; ',
          ),
          evidenceCollectedAt: [
            ...new Set(check.evidence.map(e => e.collectedAt)),
          ].join('; '),
          waiverReason: check.waiver?.reason ?? '',
          waiverApprover: check.waiver?.approver ?? '',
          waiverExpiresAt: check.waiver?.expiresAt ?? '',
          evaluatedAt: result.evaluatedAt,
        });
      }
    }
  }
  return rows;
}

export const EXPORT_COLUMNS: Array<keyof ExportRow> = [
  'framework',
  'control',
  'controlTitle',
  'controlStatus',
  'entityRef',
  'team',
  'checkId',
  'checkTitle',
  'checkStatus',
  'reason',
  'evidence',
  'evidenceSources',
  'evidenceCollectedAt',
  'waiverReason',
  'waiverApprover',
  'waiverExpiresAt',
  'evaluatedAt',
];
