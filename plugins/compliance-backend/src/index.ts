/**
 * Compliance backend: scorecards, SOC 2 / ISO 27001 control evidence,
 * campaigns and waivers.
 *
 * @packageDocumentation
 */
export { compliancePlugin as default } from './plugin';
export { previewScorecard } from './service/previewScorecard';
export type { ScorecardPreview } from './service/previewScorecard';
