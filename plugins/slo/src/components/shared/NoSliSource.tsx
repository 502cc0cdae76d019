import { EmptyState } from '@backstage/core-components';

/**
 * What the SLO pages show when the backend has no SLI source: nothing is
 * evaluated, and an administrator needs the config key to fix it.
 */
export function NoSliSource() {
  return (
    <EmptyState
      missing="info"
      title="No SLI source is configured"
      description={
        <>
          SLOs are listed but not evaluated: the portal has no Prometheus to
          measure them with. An administrator sets{' '}
          <code>slo.prometheus.baseUrl</code> in the app config to the
          Prometheus that answers the OpenSLO queries.
        </>
      }
    />
  );
}
