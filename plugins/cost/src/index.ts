/**
 * Cost pages of the portal: the team and organisation page at /cost and a
 * cost tab on components.
 *
 * @packageDocumentation
 */
export { costPlugin as default } from './plugin';
/** The typed client, for app pages that combine families (the teams roll-up). */
export { costApiRef } from './apiRef';
