/**
 * The portal's permission policy: roles from catalog groups and
 * `gogidix.roles`, one table of permissions in `policy/rules.ts`.
 *
 * @packageDocumentation
 */
export { permissionModuleGogidixPolicy as default } from './module';
export { PERMISSION_RULES, ruleFor } from './policy/rules';
export type { PermissionRule, Reach, Role } from './policy/rules';
