// Backend pieces every family shares: team scope, owner to team ref, actor ref, CSV export, one cached loader, authorize-or-throw.
export * from './actorRef';
export * from './attachment';
export * from './authorize';
export * from './cachedLoader';
export * from './csv';
export * from './ownerTeamRef';
export * from './teamScope';
