// What tests share: a stand-in server for products that cannot run here, FOCUS and OpenSLO fixtures written from the specs, eventually().
export * from './auditingPlugin';
export * from './databases';
export * from './eventually';
export * from './focus';
export * from './generatedOpenApi';
export * from './gitHubStandIn';
export * from './gitLabStandIn';
export * from './openslo';
export * from './seeded';
export * from './standIn';
