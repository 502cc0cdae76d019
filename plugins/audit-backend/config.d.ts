export interface Config {
  audit?: {
    /**
     * How many days audit events are kept; older ones are deleted daily.
     * Defaults to 365.
     */
    retentionDays?: number;
    /**
     * The least severe auditor event that is stored: low, medium, high or
     * critical. Defaults to medium, which keeps every write and denial and
     * leaves out Backstage's low-severity reads (each catalog fetch); those
     * are still logged.
     */
    storeSeverity?: string;
  };
}
