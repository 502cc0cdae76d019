// What every family shares in browser and backend: annotation names, entity and team refs, number formatting.
export * from './annotations';
export * from './entityPath';
export * from './format';
export * from './ownerTeamRef';
export * from './pluginFetch';
