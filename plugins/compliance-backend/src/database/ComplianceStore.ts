import {
  CheckStatus,
  Evidence,
  ScorecardLevel,
  TrivySeverityCounts,
  TrivyStatus,
  Waiver,
} from '@gogidix/plugin-compliance-common';
import { CollectedFact } from '../facts/FactRetriever';

/** A Trivy report that was read: its counts, never its findings. */
export interface StoredTrivyReport {
  entityRef: string;
  artifactName: string;
  scannedAt: string;
  counts: TrivySeverityCounts;
  misconfigurations: TrivySeverityCounts;
  secrets: TrivySeverityCounts;
  /** Who sent it: the CI user or service, or the demo file. */
  source: string;
  receivedAt: string;
}

/** A refused upload: when, why and from whom; its contents are not kept. */
export interface TrivyRejection {
  entityRef: string;
  at: string;
  reason: string;
  source: string;
}

/** An entity's latest readable report and any refused upload after it. */
export interface StoredTrivyState extends TrivyStatus {
  entityRef: string;
}

/** A check's stored outcome, after waivers. */
export interface StoredCheckResult {
  checkId: string;
  status: CheckStatus;
  reason?: string;
  evidence: Evidence[];
  waiverId?: string;
}

export interface EntityRoundResult {
  entityRef: string;
  title?: string;
  team: string;
  system?: string;
  level: ScorecardLevel;
  checks: StoredCheckResult[];
}

export interface StoredEntityResult extends EntityRoundResult {
  evaluatedAt: string;
}

export interface RoundRecord {
  startedAt: string;
  finishedAt: string;
  results: EntityRoundResult[];
  /** Per campaign and team. */
  campaigns: Array<Omit<CampaignDay, 'day'>>;
}

/** One campaign's passing and total checks of one team on one day. */
export interface CampaignDay {
  campaignId: string;
  day: string;
  team: string;
  passing: number;
  total: number;
}

export interface DailyTeamCounts {
  day: string;
  team: string;
  entities: number;
  passed: number;
  failed: number;
  errors: number;
  pending: number;
  waived: number;
}

export interface ComplianceStore {
  /** Replaces the entity's report, and clears an earlier refusal. */
  saveTrivyReport(report: StoredTrivyReport): Promise<void>;
  /** Records a refused upload; the last readable report stays. */
  saveTrivyRejection(rejection: TrivyRejection): Promise<void>;
  /** Every entity with a report or a refusal, or only this one's. */
  listTrivyReports(entityRef?: string): Promise<StoredTrivyState[]>;

  /** Replaces every stored fact with this round's. */
  replaceFacts(facts: CollectedFact[]): Promise<void>;
  listFacts(entityRef: string): Promise<Evidence[]>;

  /** Stores a round's results, today's trend rows and campaign progress. */
  saveRound(round: RoundRecord): Promise<number>;
  /** Results of the latest round, optionally only these teams'. */
  latestResults(filter?: {
    teams?: string[];
    entityRef?: string;
  }): Promise<StoredEntityResult[]>;
  latestRoundAt(): Promise<string | undefined>;
  /**
   * Changes whenever what the org page derives from changes: a round is
   * stored or a waiver is created (waivers are never updated or deleted).
   */
  resultsVersion(): Promise<string>;
  dailyTeamCounts(since: string, teams?: string[]): Promise<DailyTeamCounts[]>;
  campaignHistory(since: string): Promise<CampaignDay[]>;

  createWaiver(waiver: Omit<Waiver, 'active'>): Promise<void>;
  /** Waivers of one entity, or all; expired ones included. */
  listWaivers(entityRef?: string): Promise<Array<Omit<Waiver, 'active'>>>;
}
