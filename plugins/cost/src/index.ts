/**
 * Cost pages of the portal: the team and organisation page at /cost and a
 * cost tab on components.
 *
 * @packageDocumentation
 */
export { costPlugin as default } from './plugin';
