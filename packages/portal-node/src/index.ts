// Backend pieces every family shares: team scope, actor ref, CSV export, one cached loader, authorize-or-throw.
export * from './actorRef';
export * from './attachment';
export * from './authorize';
export * from './cachedLoader';
export * from './csv';
export * from './entityRequest';
export * from './personAction';
export * from './teamScope';
