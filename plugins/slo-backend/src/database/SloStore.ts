import {
  DailyCountsByStatus,
  ResolvedSlo,
  SloEvaluation,
} from '@gogidix/plugin-slo-common';

/** An SLO as the catalog described it at the last refresh. */
export interface SloDefinition {
  slo: ResolvedSlo;
  entityRef: string;
  owner: string;
  system?: string;
  tier?: string;
}

export interface StoredSlo extends SloDefinition {
  latest?: SloEvaluation;
}

export interface SloFilter {
  owners?: string[];
  tiers?: string[];
  entityRef?: string;
  sloIds?: string[];
}

/** Cumulative good and total event counters of one SLO at one moment. */
export interface SliObservation {
  sloId: string;
  /** Unix seconds. */
  ts: number;
  good: number;
  total: number;
}

export interface SloStore {
  /** Replaces the SLOs of the given entities with these; others are kept. */
  replaceDefinitions(
    entityRefs: string[],
    definitions: SloDefinition[],
  ): Promise<void>;
  /** Drops SLOs of entities that no longer carry an OpenSLO document. */
  retainEntities(entityRefs: string[]): Promise<void>;
  listSlos(filter?: SloFilter): Promise<StoredSlo[]>;
  /** The owners of any SLO, sorted: what permission checks run against. */
  listOwners(): Promise<string[]>;
  /** Keeps each evaluation as the latest (when newest), an hourly snapshot and the day's row. */
  recordEvaluations(evaluations: SloEvaluation[]): Promise<void>;
  /** Snapshots of these SLOs in [from, to], oldest first. */
  listSnapshots(
    sloIds: string[],
    from: Date,
    to: Date,
  ): Promise<SloEvaluation[]>;
  /** For each SLO, its last snapshot at or before `at`. */
  latestSnapshots(
    sloIds: string[],
    at: Date,
  ): Promise<Map<string, SloEvaluation>>;
  /** The newest snapshot time of any SLO, to resume history back-filling from. */
  newestSnapshotAt(): Promise<Date | undefined>;
  /** Daily status counts from the day of `since` to the day of `until` (default: every day since). */
  dailyStatusCounts(
    filter: SloFilter,
    since: Date,
    until?: Date,
  ): Promise<DailyCountsByStatus[]>;
  insertObservations(observations: SliObservation[]): Promise<void>;
  /**
   * For each timestamp, every SLO's newest observation at or before it and
   * no older than `toleranceSeconds`: one query per timestamp, whatever the
   * number of SLOs.
   */
  observationsAtOrBefore(
    timestamps: number[],
    toleranceSeconds: number,
  ): Promise<Map<number, SliObservation[]>>;
  latestObservationTs(): Promise<number | undefined>;
}
