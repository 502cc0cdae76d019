// What every family shares in browser and backend: annotation names, entity, team and system refs, number formatting.
export * from './annotations';
export * from './entityPath';
export * from './format';
export * from './ownerTeamRef';
export * from './pluginFetch';
export * from './systemRef';
export * from './teamTree';
