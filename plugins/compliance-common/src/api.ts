/** A fact's value as stored: what the checks compare. */
export type FactValue = string | number | boolean | null | string[];

/** One fact about one entity, with where and when it was collected. */
export interface Evidence {
  factId: string;
  value: FactValue;
  /** Where the value came from: a catalog location, a repository file, a report. */
  source: string;
  collectedAt: string;
  /** Set when the fact could not be collected; `value` is then null. */
  error?: string;
  /**
   * Set when the fact's source has not reported yet (a new service before
   * its first image scan): the checks reading it are pending, not failed.
   */
  pending?: string;
}

/** `pending`: waiting for the first data it needs (e.g. the first scan). */
export type CheckStatus = 'pass' | 'fail' | 'error' | 'pending' | 'waived';
export type ScorecardLevel = 'gold' | 'silver' | 'bronze' | 'none';
/** The levels a check can belong to, lowest first. */
export const CHECK_LEVELS = ['bronze', 'silver', 'gold'] as const;
export type CheckLevel = (typeof CHECK_LEVELS)[number];
export type ControlStatus = 'pass' | 'fail' | 'error' | 'pending';

export interface ControlRef {
  /** `SOC 2 CC6.1`, `ISO 27001:2022 A.8.8` */
  key: string;
  framework: string;
  id: string;
  title: string;
}

export interface Waiver {
  id: string;
  entityRef: string;
  checkId: string;
  reason: string;
  /** The user ref of the person who approved the exception. */
  approver: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  /** False once expiresAt has passed: the check counts again. */
  active: boolean;
}

/** A check's outcome for one entity in the latest round. */
export interface CheckEvaluation {
  checkId: string;
  title: string;
  description: string;
  howToFix: string;
  level: CheckLevel;
  controls: string[];
  status: CheckStatus;
  /** Why the check failed or could not be evaluated. */
  reason?: string;
  evidence: Evidence[];
  waiver?: Waiver;
}

export interface ControlEvaluation extends ControlRef {
  status: ControlStatus;
  checkIds: string[];
}

/** `GET /entities/:kind/:namespace/:name` */
export interface EntityCompliance {
  entityRef: string;
  title?: string;
  team: string;
  system?: string;
  /** When the latest round evaluated this entity; null before the first round. */
  evaluatedAt: string | null;
  level: ScorecardLevel;
  checks: CheckEvaluation[];
  controls: ControlEvaluation[];
  /** Every waiver of the entity, expired ones included. */
  waivers: Waiver[];
  /** The image scans received for it; see TrivyStatus. */
  trivy: TrivyStatus;
}

export interface StatusCounts {
  passed: number;
  failed: number;
  errors: number;
  /** Waiting for their first data; not met, but not failed either. */
  pending: number;
  waived: number;
}

export type LevelCounts = Record<ScorecardLevel, number>;

export interface TeamCompliance extends StatusCounts {
  team: string;
  entities: number;
  levels: LevelCounts;
  /** Passed and waived over all evaluated checks; null when none. */
  passRate: number | null;
}

export interface ControlSummary extends ControlRef {
  entities: number;
  passing: number;
  failing: number;
  erroring: number;
  passRate: number | null;
}

export interface HeatmapCell {
  team: string;
  control: string;
  passRate: number | null;
  failing: number;
}

export interface TrendPoint {
  day: string;
  passRate: number | null;
  entities: number;
}

export interface CampaignProgress {
  id: string;
  title: string;
  owner: string;
  deadline: string;
  checkIds: string[];
  /** Entity-check pairs passing (or waived) now, of all in scope. */
  passing: number;
  total: number;
  progress: number | null;
  history: Array<{ day: string; progress: number | null }>;
}

export interface ComplianceGap {
  entityRef: string;
  team: string;
  checkId: string;
  title: string;
  level: CheckLevel;
  status: 'fail' | 'error';
  reason?: string;
  controls: string[];
}

export interface EntityScore extends StatusCounts {
  entityRef: string;
  title?: string;
  team: string;
  level: ScorecardLevel;
}

/** How many gaps and components `GET /summary` lists unless asked. */
export const DEFAULT_SUMMARY_LIMIT = 100;

/**
 * `GET /summary`: the org page. Rollups cover every component of the teams
 * shown; `gaps` and `entities` list only the worst `limit` (the auditor
 * export has every one).
 */
export interface OrgCompliance {
  evaluatedAt: string | null;
  /** The teams the caller may see: the options of the team filter. */
  teams: string[];
  filters: { teams: string[] };
  /** The most gaps and components listed. */
  limit: number;
  /** `gaps` counts every failing and erroring check, listed or not. */
  totals: StatusCounts & {
    entities: number;
    levels: LevelCounts;
    gaps: number;
  };
  byTeam: TeamCompliance[];
  controls: ControlSummary[];
  heatmap: HeatmapCell[];
  trend: TrendPoint[];
  campaigns: CampaignProgress[];
  /** Failing and erroring checks, lowest level and most widespread first; the first `limit`. */
  gaps: ComplianceGap[];
  /** Components, lowest level and most gaps first; the first `limit`. */
  entities: EntityScore[];
}

/** `POST /entities/:kind/:namespace/:name/waivers` */
export interface WaiverRequest {
  checkId: string;
  reason: string;
  approver: string;
  expiresAt: string;
}

export type TrivySeverityCounts = Record<TrivySeverity, number>;

/** `POST /entities/:kind/:namespace/:name/trivy`: what was stored. */
export interface TrivyReportSummary {
  entityRef: string;
  artifactName: string;
  scannedAt: string;
  /** Vulnerabilities by severity. */
  counts: TrivySeverityCounts;
  /** Failed misconfiguration checks by severity (`--scanners misconfig`). */
  misconfigurations: TrivySeverityCounts;
  /** Exposed secrets by severity (`--scanners secret`). */
  secrets: TrivySeverityCounts;
}

/**
 * An entity's Trivy reports: the latest one that could be read, and the
 * latest refused upload if it came after it (its time and reason only; a
 * refused report's contents are never kept).
 */
export interface TrivyStatus {
  report: (TrivyReportSummary & { receivedAt: string; source: string }) | null;
  rejected: { at: string; reason: string; source: string } | null;
}

export const TRIVY_SEVERITIES = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'UNKNOWN',
] as const;
export type TrivySeverity = (typeof TRIVY_SEVERITIES)[number];

/** One row of the auditor export: an entity's check under one control. */
export interface ExportRow {
  framework: string;
  control: string;
  controlTitle: string;
  controlStatus: ControlStatus;
  entityRef: string;
  team: string;
  checkId: string;
  checkTitle: string;
  checkStatus: CheckStatus;
  reason: string;
  evidence: string;
  evidenceSources: string;
  evidenceCollectedAt: string;
  waiverReason: string;
  waiverApprover: string;
  waiverExpiresAt: string;
  evaluatedAt: string;
}
