/**
 * What an entity's annotations may point at: only what its owner owns. Pure
 * functions shared by every backend that follows an annotation out of the
 * catalog (on-call, cost); see docs/annotations.md, "What an annotation may
 * point at".
 */
export * from './alertMatchers';
export * from './claims';
export * from './ownership';
export * from './repository';
export * from './vaultPaths';
