// Backend pieces every family shares: team scope, owner to team ref, actor ref, CSV export, one cached loader, authorize-or-throw.
export {};
export * from './cachedLoader';
