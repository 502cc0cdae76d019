import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarScrollWrapper,
  SidebarSpace,
} from '@backstage/core-components';
import {
  NavContentBlueprint,
  NavContentComponentProps,
} from '@backstage/plugin-app-react';
import { SidebarLogo } from './SidebarLogo';
import MenuIcon from '@mui/icons-material/Menu';
import SearchIcon from '@mui/icons-material/Search';
import { SidebarSearchModal } from '@backstage/plugin-search';
import { UserSettingsSignInAvatar } from '@backstage/plugin-user-settings';
import { NotificationsSidebarItem } from '@backstage/plugin-notifications';
import { catalogEntityCreatePermission } from '@backstage/plugin-catalog-common/alpha';
import { usePermission } from '@backstage/plugin-permission-react';
import { oncallAlertReadPermission } from '@gogidix/plugin-oncall-common';
import { auditEventReadPermission } from '@gogidix/plugin-audit-common';

export const SidebarContent = NavContentBlueprint.make({
  params: {
    component: PortalSidebar,
  },
});

function PortalSidebar({ navItems }: NavContentComponentProps) {
  // The on-call page is for on-call engineers; others reach their
  // services' alerts from each service's On-call tab.
  const onCall = usePermission({ permission: oncallAlertReadPermission });
  // Registering existing components is for platform admins.
  const register = usePermission({
    permission: catalogEntityCreatePermission,
  });
  // The audit trail is for platform admins only.
  const audit = usePermission({ permission: auditEventReadPermission });
  const nav = navItems.withComponent(item => (
    <SidebarItem icon={() => item.icon} to={item.href} text={item.title} />
  ));

  // Skipped items
  nav.take('page:search'); // Using search modal instead
  nav.take('page:notifications'); // Using NotificationsSidebarItem manually instead
  nav.take('page:oncall/runbooks'); // Opened from alerts and entity pages
  const onCallItem = nav.take('page:oncall');
  const registerItem = nav.take('page:catalog-import');
  const auditItem = nav.take('page:audit');

  return (
    <Sidebar>
      <SidebarLogo />
      <SidebarGroup label="Search" icon={<SearchIcon />} to="/search">
        <SidebarSearchModal />
      </SidebarGroup>
      <SidebarDivider />
      <SidebarGroup label="Menu" icon={<MenuIcon />}>
        {nav.take('page:home')}
        {nav.take('page:catalog')}
        {nav.take('page:api-docs')}
        {nav.take('page:scaffolder')}
        {register.allowed ? registerItem : null}
      </SidebarGroup>
      <SidebarDivider />
      <SidebarGroup label="Operate" icon={<MenuIcon />}>
        {nav.take('page:slo')}
        {onCall.allowed ? onCallItem : null}
        {nav.take('page:compliance')}
        {nav.take('page:cost')}
        {audit.allowed ? auditItem : null}
        <SidebarDivider />
        <SidebarScrollWrapper>
          {nav.rest({ sortBy: 'title' })}
        </SidebarScrollWrapper>
      </SidebarGroup>
      <SidebarSpace />
      <SidebarDivider />
      <NotificationsSidebarItem />
      <SidebarDivider />
      <SidebarGroup
        label="Settings"
        icon={<UserSettingsSignInAvatar />}
        to="/settings"
      >
        {nav.take('page:app-visualizer')}
        {nav.take('page:user-settings')}
      </SidebarGroup>
    </Sidebar>
  );
}
