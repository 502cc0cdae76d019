import { ResolvedSlo, WindowErrorRatios } from '@gogidix/plugin-slo-common';

/**
 * Where SLI data comes from: Prometheus in production, stored observations
 * in the embedded demo. Both answer for many SLOs at once so that an
 * evaluation round costs a number of queries that grows with the windows,
 * not with the SLOs.
 */
export interface SliSource {
  /** Error ratios of each SLO (by id) for the period and every burn-rate window, as of `at`. */
  errorRatios(
    slos: ResolvedSlo[],
    at: Date,
  ): Promise<Map<string, WindowErrorRatios>>;
}
