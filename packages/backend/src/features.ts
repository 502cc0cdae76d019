import { BackendFeature } from '@backstage/backend-plugin-api';
import appBackend from '@backstage/plugin-app-backend';
import proxyBackend from '@backstage/plugin-proxy-backend';
import eventsBackend from '@backstage/plugin-events-backend';
import authBackend from '@backstage/plugin-auth-backend';
import authBackendModuleOidcProvider from '@backstage/plugin-auth-backend-module-oidc-provider';
import catalogBackend from '@backstage/plugin-catalog-backend';
import catalogBackendModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import catalogBackendModuleLogs from '@backstage/plugin-catalog-backend-module-logs';
import catalogBackendModuleUnprocessed from '@backstage/plugin-catalog-backend-module-unprocessed';
import catalogBackendModuleLocalFiles from '@gogidix/plugin-catalog-backend-module-local-files';
import catalogBackendModuleReadCache from '@gogidix/plugin-catalog-backend-module-read-cache';
import scaffolderBackend from '@backstage/plugin-scaffolder-backend';
import scaffolderBackendModuleGithub from '@backstage/plugin-scaffolder-backend-module-github';
import scaffolderBackendModuleNotifications from '@backstage/plugin-scaffolder-backend-module-notifications';
import scaffolderBackendModuleGitlab from '@backstage/plugin-scaffolder-backend-module-gitlab';
import scaffolderBackendModuleGogidix, {
  localGitUrlReaderFactory,
} from '@gogidix/plugin-scaffolder-backend-module-gogidix';
import permissionBackend from '@backstage/plugin-permission-backend';
import permissionBackendModuleGogidixPolicy from '@gogidix/plugin-permission-backend-module-gogidix-policy';
import searchBackend from '@backstage/plugin-search-backend';
import searchBackendModulePg from '@backstage/plugin-search-backend-module-pg';
import searchBackendModuleCatalog from '@backstage/plugin-search-backend-module-catalog';
import userSettingsBackend from '@backstage/plugin-user-settings-backend';
import notificationsBackend from '@backstage/plugin-notifications-backend';
import signalsBackend from '@backstage/plugin-signals-backend';
import oncallBackend from '@gogidix/plugin-oncall-backend';
import kubernetesBackend from '@backstage/plugin-kubernetes-backend';
import searchBackendModuleRunbooks from '@gogidix/plugin-search-backend-module-runbooks';
import sloBackend from '@gogidix/plugin-slo-backend';
import authBackendModuleGuestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import costBackend from '@gogidix/plugin-cost-backend';
import deliveryBackend from '@gogidix/plugin-delivery-backend';
import complianceBackend from '@gogidix/plugin-compliance-backend';
import mcpActionsBackend from '@backstage/plugin-mcp-actions-backend';
import catalogBackendModuleServiceActions from '@gogidix/plugin-catalog-backend-module-service-actions';
import auditBackend, {
  auditorServiceFactory,
} from '@gogidix/plugin-audit-backend';

/**
 * Every plugin and module the portal's backend runs. Kept apart from
 * `index.ts` so that a test can start exactly this backend.
 *
 * The guest sign-in provider is only installed outside production; in
 * production people sign in through OIDC.
 */
export function portalBackendFeatures(
  env: NodeJS.ProcessEnv = process.env,
): BackendFeature[] {
  const features: BackendFeature[] = [
    appBackend,
    proxyBackend,
    // The event bus that the catalog and signals subscribe to.
    eventsBackend,

    authBackend,
    authBackendModuleOidcProvider,

    catalogBackend,
    // Hot catalog reads from memory for callers allowed to read everything
    // (see docs/performance.md, "Catalog read cache").
    catalogBackendModuleReadCache,
    catalogBackendModuleScaffolderEntityModel,
    catalogBackendModuleLogs,
    catalogBackendModuleUnprocessed,
    catalogBackendModuleLocalFiles,
    // find-service, the catalog's action for AI assistants.
    catalogBackendModuleServiceActions,

    scaffolderBackend,
    scaffolderBackendModuleGithub,
    scaffolderBackendModuleNotifications,
    scaffolderBackendModuleGitlab,
    // The golden path's actions, and reading repositories published on
    // this machine by URL (only when gogidix.localGit is configured).
    scaffolderBackendModuleGogidix,
    localGitUrlReaderFactory,

    // Roles from catalog groups and gogidix.roles (see README, "Roles").
    permissionBackend,
    permissionBackendModuleGogidixPolicy,

    searchBackend,
    searchBackendModulePg,
    searchBackendModuleCatalog,
    searchBackendModuleRunbooks,

    userSettingsBackend,
    notificationsBackend,
    signalsBackend,

    oncallBackend,
    kubernetesBackend,
    costBackend,
    sloBackend,
    complianceBackend,
    deliveryBackend,
    // Every plugin's auditor events are logged and stored for the audit page.
    auditBackend,
    auditorServiceFactory,
    // The actions of backend.actions.pluginSources as MCP tools, for AI
    // assistants signed in as the person (README, "Connecting an AI
    // assistant").
    mcpActionsBackend,
  ];
  if (env.NODE_ENV !== 'production') {
    features.push(authBackendModuleGuestProvider);
  }
  return features;
}
