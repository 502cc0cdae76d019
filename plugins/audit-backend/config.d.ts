export interface Config {
  audit?: {
    /**
     * How many days audit events are kept; older ones are deleted daily.
     * Defaults to 365.
     */
    retentionDays?: number;
  };
}
