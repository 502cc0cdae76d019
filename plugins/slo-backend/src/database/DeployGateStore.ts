/** An override as stored: the gate works out whether it is active. */
export interface StoredDeployGateOverride {
  id: string;
  entityRef: string;
  reason: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Where the deploy gate keeps its overrides. */
export interface DeployGateStore {
  createOverride(override: StoredDeployGateOverride): Promise<void>;
  /** The entity's override in force at `at` that lasts longest, if any. */
  activeOverride(
    entityRef: string,
    at: Date,
  ): Promise<StoredDeployGateOverride | undefined>;
  /** The entity's overrides, newest first, at most `limit`. */
  listOverrides(
    entityRef: string,
    limit: number,
  ): Promise<StoredDeployGateOverride[]>;
}
