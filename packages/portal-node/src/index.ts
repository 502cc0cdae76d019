// Backend pieces every family shares: team scope, actor ref, CSV export, one cached loader, authorize-or-throw, the guard of write actions, and the loopback server of demo stand-ins (dry-run confirmation, per-user rate limit, audit).
export * from './actorRef';
export * from './attachment';
export * from './authorize';
export * from './cachedLoader';
export * from './csv';
export * from './entityRequest';
export * from './loopbackServer';
export * from './personAction';
export * from './teamScope';
export * from './actionRateLimit';
export * from './dryRunConfirmation';
export * from './writeAction';
