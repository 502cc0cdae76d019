import { ChildProcess } from 'node:child_process';

/** The run's settings, from the environment (see README.md). */
export const options = {
  runs: Number(process.env.PERF_RUNS ?? 3),
  seconds: Number(process.env.PERF_SECONDS ?? 10),
  connections: [10, 50],
  portalPort: Number(process.env.PERF_PORTAL_PORT ?? 7340),
  stockPort: Number(process.env.PERF_STOCK_PORT ?? 7350),
  /** The second portal replica's port (phase `replicas`). */
  replicaPort: Number(process.env.PERF_REPLICA_PORT ?? 7343),
  skip: new Set((process.env.PERF_SKIP ?? '').split(',').filter(Boolean)),
};

/** One of the two backends under test. */
export interface System {
  name: 'stock' | 'portal';
  baseUrl: string;
  databasePrefix: string;
  children: ChildProcess[];
  /** The portal's config layers past app-config.perf.yaml, for its replicas. */
  configFiles?: string[];
  /** The backend among `children`, whose memory the report gives. */
  backend?: ChildProcess;
  /** A signed-in user's token: reads are measured as the catalog page makes them. */
  userToken?: string;
  /**
   * The portal's org pages are for managers and admins (a developer gets
   * 403): they are measured as a platform admin, who sees every team.
   */
  adminToken?: string;
}
