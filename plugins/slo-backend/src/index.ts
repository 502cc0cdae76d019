/**
 * SLO backend plugin: SLO status per entity, the org summary and Sloth rules.
 *
 * @packageDocumentation
 */
export { sloPlugin as default } from './plugin';
